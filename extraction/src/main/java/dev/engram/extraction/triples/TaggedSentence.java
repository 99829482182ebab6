package dev.engram.extraction.triples;

/**
 * One tokenized, POS-tagged sentence. Offsets point into {@code text}, the whole passage, so a span's surface
 * keeps the passage's own spacing ("Wiley-Blackwell", not "Wiley -Blackwell").
 */
public record TaggedSentence(String text, String[] tokens, String[] tags, int[] starts, int[] ends) {

    /** Number of tokens. */
    public int size() {
        return tokens.length;
    }

    /** The passage text covered by tokens {@code [from, to)}. */
    public String surface(int from, int to) {
        return text.substring(starts[from], ends[to - 1]);
    }

    /** The token at {@code i}. */
    public String token(int i) {
        return tokens[i];
    }

    /** The coarse UD tag at {@code i}; OpenNLP writes contractions as "PROPN+PART", this returns "PROPN". */
    public String tag(int i) {
        String tag = tags[i];
        int plus = tag.indexOf('+');
        return plus < 0 ? tag : tag.substring(0, plus);
    }

    /** Whether the token at {@code i} carries a fused possessive ("Men's" tagged "PROPN+PART", "II's"). */
    public boolean possessive(int i) {
        String t = tokens[i];
        return tags[i].endsWith("+PART") || t.length() > 2 && (t.endsWith("'s") || t.endsWith("’s"));
    }
}
