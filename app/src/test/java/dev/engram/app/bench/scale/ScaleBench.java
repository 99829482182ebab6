package dev.engram.app.bench.scale;

import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.neo4j.StoreConfig;
import dev.engram.store.schema.SchemaManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench/scale}: builds a synthetic knowledge graph of a given size in the embedded store through Engram's
 * writers, then measures projection, PageRank and query latency on it, and the start-up of a server on it.
 * Usage: {@code ScaleBench load|query|serve --edges N --dir D [--dims 32] [--queries 200]}.
 */
public final class ScaleBench {
    private ScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: ScaleBench load|query|serve --edges N --dir D [--dims 32]");
        }
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        long edges = (long) Double.parseDouble(opts.getOrDefault("edges", "1e5"));
        Path dir = Path.of(opts.getOrDefault("dir", "target/scale/" + edges));
        int dims = Integer.parseInt(opts.getOrDefault("dims", "32"));
        SyntheticCorpus corpus = SyntheticCorpus.ofEdges(edges, 42);
        HashedEmbedder embedder = new HashedEmbedder(dims);
        switch (args[0]) {
            case "load" -> load(corpus, embedder, dir, Integer.parseInt(opts.getOrDefault("batch", "50")));
            case "csv" -> {
                long start = System.nanoTime();
                new BulkCsv(corpus, embedder).write(dir.resolve("csv"), corpus.documentCount() - tail(opts));
                Files.writeString(dir.resolve("csv.txt"), String.format(Locale.ROOT, "csv written in %.0f s%n",
                        (System.nanoTime() - start) / 1e9));
            }
            case "finish" -> finish(corpus, embedder, dir, tail(opts),
                    Integer.parseInt(opts.getOrDefault("index-wait", "7200")));
            case "query" -> ScaleQueries.run(corpus, embedder, dir, opts);
            case "serve" -> ScaleServe.run(corpus, embedder, dir, opts);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static void load(SyntheticCorpus corpus, HashedEmbedder embedder, Path dir, int batch) throws Exception {
        Files.createDirectories(dir);
        System.err.printf(Locale.ROOT, "load: %,d documents, %,d chunks, %,d entities into %s%n",
                corpus.documentCount(), corpus.chunkCount(), corpus.entityCount(), dir);
        long start = System.nanoTime();
        try (GraphStore store = GraphStore.open(StoreConfig.embedded(dir.resolve("db"), 0))) {
            new SchemaManager(store).ensure(embedder);
            int done = countDocuments(store);
            if (done > 0) {
                System.err.printf(Locale.ROOT, "load: resuming after %,d complete documents%n", done);
            }
            new ScaleLoader(store, embedder, batch).load(corpus, Math.max(0, done - batch), corpus.documentCount());
            double seconds = (System.nanoTime() - start) / 1e9;
            try (var session = store.session()) {
                var counts = session.run("""
                        CALL () { MATCH (c:Chunk) RETURN count(c) AS chunks }
                        CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
                        CALL () { MATCH ()-[r:RELATION]->() RETURN count(r) AS relations }
                        CALL () { MATCH ()-[r:MENTIONS]->() RETURN count(r) AS mentions }
                        CALL () { MATCH ()-[r:SYNONYM]->() RETURN count(r) AS synonyms }
                        RETURN chunks, entities, relations, mentions, synonyms""").single();
                String line = String.format(Locale.ROOT,
                        "loaded in %.0f s: %,d chunks, %,d entities, %,d relations, %,d mentions, %,d synonyms (%,d edges)",
                        seconds, counts.get("chunks").asLong(), counts.get("entities").asLong(),
                        counts.get("relations").asLong(), counts.get("mentions").asLong(),
                        counts.get("synonyms").asLong(), counts.get("relations").asLong()
                                + counts.get("mentions").asLong() + counts.get("synonyms").asLong());
                System.out.println(line);
                Files.writeString(dir.resolve("load.txt"), line + "\n");
            }
        }
    }

    private static int tail(Map<String, String> opts) {
        return Integer.parseInt(opts.getOrDefault("tail", "10"));
    }

    /**
     * After the bulk import: creates Engram's schema (constraints, vector and full-text indexes, timed while they
     * populate), then writes the last {@code tail} documents through Engram's own writers, as a small ingest would.
     */
    private static void finish(SyntheticCorpus corpus, HashedEmbedder embedder, Path dir, int tail, int indexWait)
            throws Exception {
        long start = System.nanoTime();
        try (GraphStore store = GraphStore.open(StoreConfig.embedded(dir.resolve("db"), 0))) {
            double opened = (System.nanoTime() - start) / 1e9;
            long t = System.nanoTime();
            try {
                new SchemaManager(store).ensure(embedder);
            } catch (RuntimeException e) {
                // a bulk-imported store populates millions of vectors: wait here, in the JVM that started it, since
                // a population cut short by closing the store starts over at the next opening
                System.err.printf(Locale.ROOT, "finish: indexes not online after the schema manager's wait (%s); "
                        + "waiting up to %d s more%n", e.getMessage(), indexWait);
                try (var session = store.session()) {
                    session.run("CALL db.awaitIndexes($s)", Map.of("s", indexWait)).consume();
                }
            }
            double schema = (System.nanoTime() - t) / 1e9;
            t = System.nanoTime();
            new ScaleLoader(store, embedder, tail).load(corpus, corpus.documentCount() - tail, corpus.documentCount());
            double tailSeconds = (System.nanoTime() - t) / 1e9;
            String line = String.format(Locale.ROOT, "after import: store opened in %.1f s, schema and indexes online "
                    + "in %.0f s, last %d documents written through Engram's writers in %.1f s", opened, schema, tail,
                    tailSeconds);
            System.out.println(line);
            Files.writeString(dir.resolve("finish.txt"), line + "\n");
        }
    }

    private static int countDocuments(GraphStore store) {
        try (var session = store.session()) {
            return session.run("MATCH (d:Document) WHERE d.sha256 IS NOT NULL RETURN count(d) AS n").single()
                    .get("n").asInt();
        }
    }
}
