package dev.engram.extraction.embedding;

import java.util.Arrays;

/**
 * The tokens of one text as character ranges: token {@code i} covers {@code text.substring(start(i), end(i))}
 * (UTF-16 offsets into the text that was tokenized, as Java's {@link String} counts them). Special tokens
 * such as {@code [CLS]}/{@code [SEP]} are not included. Immutable.
 */
public final class TokenSpans {

    private static final TokenSpans EMPTY = new TokenSpans(new int[0], new int[0]);

    private final int[] starts;
    private final int[] ends;

    private TokenSpans(int[] starts, int[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    /** Takes ownership of the arrays, which must be of equal length with {@code starts[i] <= ends[i]}. */
    public static TokenSpans of(int[] starts, int[] ends) {
        if (starts.length != ends.length) {
            throw new IllegalArgumentException("starts and ends differ in length");
        }
        return starts.length == 0 ? EMPTY : new TokenSpans(starts, ends);
    }

    public static TokenSpans empty() {
        return EMPTY;
    }

    /** Number of tokens. */
    public int size() {
        return starts.length;
    }

    public boolean isEmpty() {
        return starts.length == 0;
    }

    /** Start offset (inclusive) of token {@code i}. */
    public int start(int i) {
        return starts[i];
    }

    /** End offset (exclusive) of token {@code i}. */
    public int end(int i) {
        return ends[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenSpans t && Arrays.equals(starts, t.starts) && Arrays.equals(ends, t.ends);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(starts) + Arrays.hashCode(ends);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TokenSpans[");
        for (int i = 0; i < starts.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(starts[i]).append('-').append(ends[i]);
        }
        return sb.append(']').toString();
    }
}
