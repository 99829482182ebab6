package dev.engram.ingest;

import dev.engram.records.document.LoadProblem;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What an ingest did, with where its time went: the two threads' totals (embedding chunks; extraction and writing
 * beside it), the time of every stage, and what was embedded.
 */
public record IngestReport(long documentsRead, long documentsWritten, long documentsUnchanged, long chunks,
                           long triples, List<LoadProblem> problems, Duration elapsed, Duration embedding,
                           Duration extraction, Duration writing, Map<StageTimes.Stage, Duration> stages,
                           Embedded embedded) {

    /** Texts embedded: chunks, new entity names, fresh facts. */
    public record Embedded(long chunks, long names, long facts) {}

    public IngestReport {
        stages = stages.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(stages));
    }

    /** Documents read per second of wall-clock time. */
    public double documentsPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s == 0 ? 0 : documentsRead / s;
    }

    /** Triples per written chunk. */
    public double triplesPerChunk() {
        return chunks == 0 ? 0 : (double) triples / chunks;
    }

    /** A few lines for a terminal. */
    public String summary() {
        return String.format(
                "documents: %d read, %d written, %d unchanged, %d problems%n"
                        + "chunks: %d, triples: %d (%.2f per chunk, %.2f per document)%n"
                        + "time: %.1f s (%.1f documents/s; embedding %.1f s, extraction %.1f s, writing %.1f s)",
                documentsRead, documentsWritten, documentsUnchanged, problems.size(), chunks, triples,
                triplesPerChunk(), documentsWritten == 0 ? 0.0 : (double) triples / documentsWritten, elapsed.toMillis() / 1e3, documentsPerSecond(), embedding.toMillis() / 1e3,
                extraction.toMillis() / 1e3, writing.toMillis() / 1e3)
                + String.format("%nembedded: %d chunks, %d new entity names, %d new facts%n", embedded.chunks(),
                embedded.names(), embedded.facts())
                + StageTimes.summary(stages);
    }
}
