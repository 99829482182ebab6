package dev.engram.app.cli;

import dev.engram.app.runtime.EngramRuntime;
import dev.engram.records.document.TextChunk;
import dev.engram.ingest.DocumentSource;
import dev.engram.ingest.IngestPipeline;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;

/** The yardstick of ingest speed: the same documents chunked and embedded, with nothing written. */
final class EmbeddingOnlyRun {
    private EmbeddingOnlyRun() {}

    /** Documents per second of loading, chunking and embedding everything in {@code source}, in ingest-sized batches. */
    static double passagesPerSecond(EngramRuntime runtime, DocumentSource source) {
        long start = System.nanoTime();
        List<String> texts = new ArrayList<>();
        long[] documents = {0};
        source.forEach(doc -> {
            documents[0]++;
            for (TextChunk c : runtime.chunker().chunk(doc)) {
                texts.add(IngestPipeline.embeddingText(doc, c));
            }
            if (texts.size() >= 64) {
                runtime.embedder().embedPassages(texts);
                texts.clear();
            }
        }, problem -> { });
        if (!texts.isEmpty()) {
            runtime.embedder().embedPassages(texts);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf("embedding only: %d documents in %.1f s%n", documents[0], seconds);
        return documents[0] / seconds;
    }

    /** The highest heap use seen so far, summed over the heap's memory pools. */
    static long peakHeapMiB() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes >> 20;
    }
}
