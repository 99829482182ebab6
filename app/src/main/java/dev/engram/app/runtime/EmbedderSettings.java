package dev.engram.app.runtime;

/** How the in-process embedder runs: texts per ONNX batch and intra-op threads. */
public record EmbedderSettings(int batchSize, int threads) {
    public EmbedderSettings {
        if (batchSize < 1 || threads < 1) {
            throw new IllegalArgumentException("embedding batch size and threads must be >= 1");
        }
    }
}
