package dev.engram.store.rdf;

import dev.engram.records.document.SourceDocument;
import dev.engram.records.document.TextChunk;
import dev.engram.store.knowledge.ChunkKnowledge;
import dev.engram.store.knowledge.EntityRecord;
import dev.engram.store.knowledge.FactRecord;
import dev.engram.store.testing.Knowledge;
import dev.engram.store.lexical.DocumentRecord;
import dev.engram.store.lexical.DocumentWriter;
import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.neo4j.StoreConfig;
import dev.engram.store.schema.SchemaManager;
import dev.engram.store.search.AccessFilter;
import dev.engram.store.testing.Docs;
import dev.engram.store.testing.HashEmbedder;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds a synthetic graph of N documents (3 chunks each, 2 facts a chunk over a few thousand entities, embedded
 * with the {@link HashEmbedder}) unless the data directory already holds one, then times an export in each RDF
 * syntax and reports the peak heap during it. Not a test: run by hand, e.g.
 * {@code java -Xmx1g -cp <test classpath> dev.engram.store.rdf.SyntheticExportBenchmark /tmp/engram-6k 6000 ttl,nt,jsonld}.
 */
public final class SyntheticExportBenchmark {

    private static final String[] PREDICATES = {"works for", "located in", "founded", "acquired", "partner of",
            "born in", "capital of", "member of", "supplies", "competes with"};

    private SyntheticExportBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "/tmp/engram-synthetic");
        int documents = args.length > 1 ? Integer.parseInt(args[1]) : 6000;
        HashEmbedder embedder = new HashEmbedder();
        try (GraphStore store = GraphStore.open(StoreConfig.embedded(dataDir, 0))) {
            new SchemaManager(store).ensure(embedder);
            long existing;
            try (var session = store.session()) {
                existing = session.run("MATCH (d:Document) RETURN count(d)").single().get(0).asLong();
            }
            if (existing < documents) {
                long t0 = System.nanoTime();
                build(store, embedder, (int) existing, documents);
                System.out.printf("built %d documents in %.1f s%n", documents - existing, (System.nanoTime() - t0) / 1e9);
            }
            List<String> formats = args.length > 2 ? List.of(args[2].split(",")) : List.of("ttl", "nt", "jsonld");
            for (RdfFormat format : formats.stream().map(RdfFormat::named).toList()) {
                Path out = Files.createTempFile("engram-export", "." + format.extension());
                System.gc();
                ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
                long t0 = System.nanoTime();
                ExportSummary summary;
                try (OutputStream sink = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                    summary = new RdfExporter(store).export(AccessFilter.ALL, format, sink, p -> {});
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf("%-8s %.1f s, %,d bytes, peak heap %d MiB (max %d MiB): %s%n", format, seconds,
                        Files.size(out), peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20, summary.format());
                Files.delete(out);
            }
        }
    }

    /** The sum of the heap pools' peaks: an upper bound on live data, as it includes garbage not yet collected. */
    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static void build(GraphStore store, HashEmbedder embedder, int from, int to) {
        DocumentWriter documents = new DocumentWriter(store);
        Random random = new Random(42);
        int entities = Math.max(100, to / 2);
        for (int start = from; start < to; start += 200) {
            List<DocumentRecord> records = new ArrayList<>();
            List<ChunkKnowledge> chunkKnowledge = new ArrayList<>();
            for (int d = start; d < Math.min(to, start + 200); d++) {
                String id = "doc-" + d;
                List<TextChunk> chunks = new ArrayList<>();
                List<float[]> vectors = new ArrayList<>();
                int offset = 0;
                for (int c = 0; c < 3; c++) {
                    String chunkId = id + "#" + c;
                    List<FactRecord> facts = new ArrayList<>();
                    List<EntityRecord> mentions = new ArrayList<>();
                    StringBuilder text = new StringBuilder();
                    for (int f = 0; f < 2; f++) {
                        String s = "entity " + random.nextInt(entities);
                        String o = "entity " + random.nextInt(entities);
                        String p = PREDICATES[random.nextInt(PREDICATES.length)];
                        text.append(capitalise(s)).append(' ').append(p).append(' ').append(capitalise(o)).append(". ");
                        mentions.add(new EntityRecord(s, capitalise(s)));
                        mentions.add(new EntityRecord(o, capitalise(o)));
                        facts.add(new FactRecord(s, p, o, chunkId));
                    }
                    String t = text.toString().strip();
                    chunks.add(new TextChunk(chunkId, id, c, t, t.split(" ").length, offset, offset + t.length()));
                    vectors.add(HashEmbedder.vector(t));
                    offset += t.length() + 1;
                    chunkKnowledge.add(new ChunkKnowledge(chunkId, mentions, facts));
                }
                String all = String.join(" ", chunks.stream().map(TextChunk::text).toList());
                String tenant = d % 10 == 0 ? "acme" : null;
                records.add(new DocumentRecord(new SourceDocument(id, "Document " + d, "synthetic:" + d, all,
                        Map.of("n", d)), Docs.sha256(all), tenant, List.of(), chunks, vectors));
            }
            documents.write(records);
            Knowledge.write(store, embedder, chunkKnowledge);
            documents.markComplete(records.stream().map(DocumentRecord::id).toList());
            System.out.printf("  %d documents%n", Math.min(to, start + 200));
        }
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
