package dev.engram.retrieval.grading;

/**
 * Whether the corpus seems to hold the answer: {@code covered} is false when no retrieved passage was graded
 * relevant, and {@code note} says so in a plain sentence (null when covered).
 */
public record Coverage(boolean covered, String note) {
    /** What a caller is told when nothing relevant was found. */
    public static final String NOT_COVERED = "This corpus does not seem to hold the answer: none of the passages found "
            + "is relevant to the question.";

    /** A question the passages cover. */
    public static final Coverage COVERED = new Coverage(true, null);

    /** A question nothing relevant was found for. */
    public static final Coverage NONE = new Coverage(false, NOT_COVERED);
}
