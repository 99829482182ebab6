package dev.engram.extraction.triples;

/**
 * A noun phrase found in a sentence: tokens {@code [start, end)}, its surface text without a leading lowercase
 * determiner or trailing possessive "'s", the determiner itself ("" if none), what kind of phrase it is, and the
 * description that came before a name ("psychologist" in "psychologist Carl Rogers"; "" if none).
 */
public record Phrase(int start, int end, String text, String determiner, boolean proper, boolean numeric,
                     boolean possessive, String descriptor) {

    /** A phrase without a description before its name. */
    public Phrase(int start, int end, String text, String determiner, boolean proper, boolean numeric,
                  boolean possessive) {
        this(start, end, text, determiner, proper, numeric, possessive, "");
    }

    /** Whether this phrase is only common nouns and adjectives ("the journal", "a peer-reviewed journal"). */
    public boolean common() {
        return !proper && !numeric;
    }

    /** Number of tokens, determiner included. */
    public int length() {
        return end - start;
    }
}
