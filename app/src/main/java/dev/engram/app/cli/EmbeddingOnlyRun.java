package dev.engram.app.cli;

import dev.engram.app.runtime.EngramRuntime;
import dev.engram.ingest.DocumentSource;
import dev.engram.ingest.IngestPipeline;
import dev.engram.records.document.TextChunk;
import dev.engram.records.embedding.Embedder;
import dev.engram.store.knowledge.KnowledgeWriter;
import dev.engram.store.neo4j.Batches;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import org.neo4j.driver.Session;

/**
 * The yardstick of ingest speed: everything an ingest had to embed, embedded alone, with nothing else done. Run after
 * the ingest into an empty store, so the store holds exactly what it added: the same documents chunked again and their
 * chunks embedded in the ingest's batches and slices, then every entity name and every fact text the store holds (each
 * embedded once by the ingest, when new), in the ingest's slices. Only the embedder calls are timed.
 */
final class EmbeddingOnlyRun {
    private EmbeddingOnlyRun() {}

    /** What the floor embedded and how long the embedder took: chunks, then entity names and facts. */
    record Floor(long chunks, long names, long facts, long chunkNanos, long knowledgeNanos) {
        double seconds() {
            return (chunkNanos + knowledgeNanos) / 1e9;
        }

        String summary() {
            return String.format("embedding only: %d chunks in %.1f s, %d entity names and %d facts in %.1f s: %.1f s",
                    chunks, chunkNanos / 1e9, names, facts, knowledgeNanos / 1e9, seconds());
        }
    }

    /** Embeds what an ingest of {@code source} into an empty store embedded, batched as it does, and times it. */
    static Floor measure(EngramRuntime runtime, DocumentSource source, int batchDocuments) {
        Embedder embedder = runtime.embedder();
        List<String> batch = new ArrayList<>();
        long[] chunks = {0, 0};
        int[] documents = {0};
        source.forEach(doc -> {
            for (TextChunk c : runtime.chunker().chunk(doc)) {
                batch.add(IngestPipeline.embeddingText(doc, c));
            }
            if (++documents[0] % batchDocuments == 0) {
                chunks[1] += embedTimed(embedder, batch, IngestPipeline.EMBED_SLICE);
                chunks[0] += batch.size();
                batch.clear();
            }
        }, problem -> { });
        chunks[1] += embedTimed(embedder, batch, IngestPipeline.EMBED_SLICE);
        chunks[0] += batch.size();
        List<String> names;
        List<String> facts;
        try (Session session = runtime.store().session()) {
            names = session.run("MATCH (e:Entity) WHERE e.embedding IS NOT NULL RETURN e.name AS name")
                    .list(r -> r.get("name").asString());
            facts = session.run("""
                    MATCH (s:Entity)-[r:RELATION]->(o:Entity) WHERE r.embedding IS NOT NULL
                    RETURN s.name AS s, r.predicate AS p, o.name AS o""")
                    .list(r -> KnowledgeWriter.factText(r.get("s").asString(), r.get("p").asString(), r.get("o").asString()));
        }
        long knowledgeNanos = embedTimed(embedder, names, KnowledgeWriter.EMBED_BATCH)
                + embedTimed(embedder, facts, KnowledgeWriter.EMBED_BATCH);
        return new Floor(chunks[0], names.size(), facts.size(), chunks[1], knowledgeNanos);
    }

    private static long embedTimed(Embedder embedder, List<String> texts, int slice) {
        long nanos = 0;
        for (List<String> part : Batches.of(texts, slice)) {
            long t = System.nanoTime();
            embedder.embedPassages(part);
            nanos += System.nanoTime() - t;
        }
        return nanos;
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
