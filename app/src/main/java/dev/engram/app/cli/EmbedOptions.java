package dev.engram.app.cli;

import picocli.CommandLine.Option;

/** How text is chunked and embedded. */
public final class EmbedOptions {
    @Option(names = "--chunk-tokens", paramLabel = "<n>", description = "Chunk size in embedding-model tokens (env ENGRAM_CHUNK_TOKENS, default ${DEFAULT-VALUE}).")
    int chunkTokens;

    @Option(names = "--chunk-overlap", paramLabel = "<n>", description = "Tokens shared by consecutive chunks (env ENGRAM_CHUNK_OVERLAP, default ${DEFAULT-VALUE}).")
    int chunkOverlap;

    @Option(names = "--embed-batch", paramLabel = "<n>", description = "Most texts per ONNX run, also capped at 512 padded tokens, so passages run nearly alone and "
                    + "short entity names together (env ENGRAM_EMBED_BATCH, default ${DEFAULT-VALUE}; 1 = fully deterministic vectors).")
    int batch;

    @Option(names = "--embed-threads", paramLabel = "<n>", description = "Embedding runs in parallel; 0 = one per core (env ENGRAM_EMBED_THREADS, default ${DEFAULT-VALUE}).")
    int threads;
}
