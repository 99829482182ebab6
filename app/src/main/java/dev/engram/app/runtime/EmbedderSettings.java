package dev.engram.app.runtime;

/** How text is cut and embedded: chunk size and overlap in model tokens, texts per ONNX batch, intra-op threads. */
public record EmbedderSettings(int chunkTokens, int chunkOverlap, int batchSize, int threads) {
    public EmbedderSettings {
        if (batchSize < 1 || threads < 1) {
            throw new IllegalArgumentException("embedding batch size and threads must be >= 1");
        }
        if (chunkTokens < 16 || chunkOverlap < 0 || chunkOverlap >= chunkTokens) {
            throw new IllegalArgumentException("chunk size must be >= 16 tokens and overlap in [0, size)");
        }
    }
}
