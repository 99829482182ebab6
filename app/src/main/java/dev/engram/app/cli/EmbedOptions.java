package dev.engram.app.cli;

import dev.engram.app.runtime.EmbedderSettings;
import picocli.CommandLine.Option;

/** Settings of the in-process embedder. */
public final class EmbedOptions {
    @Option(names = "--embed-batch", paramLabel = "<n>", defaultValue = "${env:ENGRAM_EMBED_BATCH:-32}",
            description = "Texts per embedding batch (env ENGRAM_EMBED_BATCH, default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--embed-threads", paramLabel = "<n>", defaultValue = "${env:ENGRAM_EMBED_THREADS:-0}",
            description = "ONNX Runtime threads; 0 = one per core (env ENGRAM_EMBED_THREADS).")
    int threads;

    EmbedderSettings toSettings() {
        return new EmbedderSettings(batch, threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
    }
}
