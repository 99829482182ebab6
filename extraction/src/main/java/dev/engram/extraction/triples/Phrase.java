package dev.engram.extraction.triples;

/**
 * A noun phrase found in a sentence: tokens {@code [start, end)}, its surface text without a leading lowercase
 * determiner or trailing possessive "'s", the determiner itself ("" if none), and what kind of phrase it is.
 */
public record Phrase(int start, int end, String text, String determiner, boolean proper, boolean numeric,
                     boolean possessive) {

    /** Whether this phrase is only common nouns and adjectives ("the journal", "a peer-reviewed journal"). */
    public boolean common() {
        return !proper && !numeric;
    }

    /** Number of tokens, determiner included. */
    public int length() {
        return end - start;
    }
}
