package dev.engram.retrieval.answer;

/** The default token counter: about four characters per token, as for English with BPE tokenizers. */
public final class TokenEstimate {
    private TokenEstimate() {}

    /** ⌈characters / 4⌉. */
    public static int count(String text) {
        return (text.length() + 3) / 4;
    }
}
