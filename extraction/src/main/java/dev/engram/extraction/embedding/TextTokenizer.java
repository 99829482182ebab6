package dev.engram.extraction.embedding;

/**
 * Splits text into the tokens an embedding model sees, with their character offsets, so that chunk sizes
 * can be counted in model tokens. Implementations are thread-safe.
 */
public interface TextTokenizer {

    /** The tokens of {@code text}, without special tokens, with UTF-16 offsets into {@code text}. */
    TokenSpans spans(String text);

    /** Number of tokens in {@code text}, without special tokens. */
    default int countTokens(String text) {
        return spans(text).size();
    }

    /**
     * Most tokens the model reads from one text, special tokens included (512 for BERT-style models);
     * text beyond that is truncated when embedding.
     */
    int maxModelTokens();

    /** Special tokens the model adds around every text (2 for BERT-style {@code [CLS] ... [SEP]}). */
    int specialTokenCount();
}
