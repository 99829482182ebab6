package dev.engram.store.knowledge;

import dev.engram.store.neo4j.Batches;
import dev.engram.store.neo4j.GraphStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/**
 * Recomputes every SYNONYM edge from the stored entity embeddings, independent of the order in which documents
 * arrived and of concurrent writers: entities in id order, exact cosines (no approximate vector index), and the
 * symmetric form of {@link SynonymLinker}'s rule — two entities are joined when their cosine is at least the
 * threshold and either is among the other's {@link SynonymLinker#CANDIDATES} most similar entities. Edges point from
 * the lower id to the higher. Only the difference is written, so a second rebuild changes nothing. Entities carry no
 * tenant (they are shared, and shown to a caller only through readable provenance), so neither do their synonyms,
 * exactly as with the linker. Run it when no ingest is writing: one still running adds its own edges by the linker.
 */
public final class SynonymRebuilder {
    /** The stages of a rebuild, for progress. */
    public enum Stage { READING, COMPARING, WRITING }

    /** Hears how far a rebuild is: {@code done} of {@code total} in a stage. */
    @FunctionalInterface
    public interface Progress {
        /** Nothing. */
        Progress NONE = (stage, done, total) -> {};

        /** Called now and then from any thread. */
        void at(Stage stage, long done, long total);
    }

    /** What a rebuild did: entities compared, edges it left, edges it created and deleted, and its stage times. */
    public record Result(int entities, int edges, int created, int deleted, Duration read, Duration compare,
                         Duration write) {
        /** One line for a terminal or a job summary. */
        public String summary() {
            return String.format("%d entities, %d SYNONYM edges (%d created, %d deleted); read %.1f s, compare %.1f s, "
                    + "write %.1f s", entities, edges, created, deleted, read.toMillis() / 1e3, compare.toMillis() / 1e3,
                    write.toMillis() / 1e3);
        }
    }

    // stored scores are cosines of floats: an edge whose score differs by less than this is left alone
    private static final double SAME_SCORE = 1e-6;

    private final GraphStore store;
    private final double threshold;
    private final int threads;

    /** A rebuilder at {@code threshold} (a cosine, as the linker's) using {@code threads} threads to compare. */
    public SynonymRebuilder(GraphStore store, double threshold, int threads) {
        if (threshold < -1 || threshold > 1) {
            throw new IllegalArgumentException("synonym threshold is a cosine similarity in [-1, 1], got " + threshold);
        }
        this.store = store;
        this.threshold = threshold;
        this.threads = threads;
    }

    /** A rebuilder at HippoRAG's threshold on every core. */
    public static SynonymRebuilder standard(GraphStore store) {
        return new SynonymRebuilder(store, SynonymLinker.DEFAULT_THRESHOLD, Runtime.getRuntime().availableProcessors());
    }

    /** Deletes and recomputes the SYNONYM edges (only those that change); returns what it did. */
    public Result rebuild(Progress progress) {
        long t0 = System.nanoTime();
        Entities entities = read(progress);
        long t1 = System.nanoTime();
        long comparisons = (long) entities.ids.size() * (entities.ids.size() - 1) / 2;
        progress.at(Stage.COMPARING, 0, comparisons);
        List<ExactNeighbours.Pair> pairs = new ExactNeighbours(threshold, SynonymLinker.CANDIDATES, threads)
                .pairs(entities.vectors, entities.dims, done -> progress.at(Stage.COMPARING, done, comparisons));
        long t2 = System.nanoTime();
        int[] changed = write(entities.ids, pairs, progress);
        long t3 = System.nanoTime();
        return new Result(entities.ids.size(), pairs.size(), changed[0], changed[1], Duration.ofNanos(t1 - t0),
                Duration.ofNanos(t2 - t1), Duration.ofNanos(t3 - t2));
    }

    private record Entities(List<String> ids, float[] vectors, int dims) {}

    private Entities read(Progress progress) {
        try (Session session = store.session()) {
            long total = session.run("MATCH (e:Entity) WHERE e.embedding IS NOT NULL RETURN count(e)").single().get(0).asLong();
            progress.at(Stage.READING, 0, total);
            List<String> ids = new ArrayList<>();
            float[][] holder = {new float[0]};
            int[] dims = {-1};
            // in id order, so that equal stores give equal indexes and so equal tie-breaks
            session.run("MATCH (e:Entity) WHERE e.embedding IS NOT NULL RETURN e.id AS id, e.embedding AS v ORDER BY e.id")
                    .forEachRemaining(r -> {
                        Value v = r.get("v");
                        int d = v.size();
                        if (dims[0] < 0) {
                            dims[0] = d;
                            holder[0] = new float[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(1, total) * (long) d)];
                        } else if (d != dims[0]) {
                            throw new IllegalStateException("entity embeddings of " + dims[0] + " and " + d
                                    + " dimensions in one store; re-ingest with one model");
                        }
                        int row = ids.size();
                        if ((long) (row + 1) * d > holder[0].length) {
                            holder[0] = java.util.Arrays.copyOf(holder[0], (int) Math.min(Integer.MAX_VALUE - 8,
                                    2L * holder[0].length + d));
                        }
                        float[] out = holder[0];
                        double norm = 0;
                        for (int i = 0; i < d; i++) {
                            float x = v.get(i).asFloat();
                            out[row * d + i] = x;
                            norm += (double) x * x;
                        }
                        float inv = norm == 0 ? 0f : (float) (1 / Math.sqrt(norm));
                        for (int i = 0; i < d; i++) {
                            out[row * d + i] *= inv;
                        }
                        ids.add(r.get("id").asString());
                        if (ids.size() % 1000 == 0) {
                            progress.at(Stage.READING, ids.size(), total);
                        }
                    });
            progress.at(Stage.READING, ids.size(), total);
            int d = Math.max(dims[0], 1);
            return new Entities(ids, java.util.Arrays.copyOf(holder[0], ids.size() * d), d);
        }
    }

    // the existing edges against the wanted ones: an edge is kept when it is wanted, alone between its two entities
    // in that direction and of the same score; every other edge goes, and what is wanted and not kept is created
    private int[] write(List<String> ids, List<ExactNeighbours.Pair> pairs, Progress progress) {
        Map<String, Double> wanted = new HashMap<>(pairs.size() * 2);
        for (ExactNeighbours.Pair p : pairs) {
            wanted.put(ids.get(p.a()) + '\u0000' + ids.get(p.b()), (double) p.cosine());
        }
        Map<String, List<Double>> existing = new HashMap<>();
        try (Session session = store.session()) {
            session.run("MATCH (a:Entity)-[s:SYNONYM]->(b:Entity) RETURN a.id AS a, b.id AS b, s.score AS score")
                    .forEachRemaining(r -> existing.computeIfAbsent(r.get("a").asString() + '\u0000' + r.get("b").asString(),
                            x -> new ArrayList<>()).add(r.get("score").isNull() ? Double.NaN : r.get("score").asDouble()));
            List<Map<String, Object>> delete = new ArrayList<>();
            int deleted = 0;
            for (Map.Entry<String, List<Double>> e : existing.entrySet()) {
                Double want = wanted.get(e.getKey());
                List<Double> scores = e.getValue();
                if (want != null && scores.size() == 1 && Math.abs(scores.getFirst() - want) < SAME_SCORE) {
                    wanted.remove(e.getKey()); // already there
                } else {
                    delete.add(endpoints(e.getKey()));
                    deleted += scores.size();
                }
            }
            List<Map<String, Object>> create = new ArrayList<>();
            for (ExactNeighbours.Pair p : pairs) {
                String key = ids.get(p.a()) + '\u0000' + ids.get(p.b());
                if (wanted.containsKey(key)) {
                    Map<String, Object> row = new HashMap<>(endpoints(key));
                    row.put("score", (double) p.cosine());
                    create.add(row);
                }
            }
            long total = delete.size() + create.size();
            long done = 0;
            progress.at(Stage.WRITING, 0, total);
            for (List<Map<String, Object>> slice : Batches.of(delete, 5 * Batches.ROWS)) {
                session.executeWriteWithoutResult(tx -> tx.run("""
                        UNWIND $rows AS row
                        MATCH (:Entity {id: row.a})-[s:SYNONYM]->(:Entity {id: row.b})
                        DELETE s""", Map.of("rows", slice)).consume());
                progress.at(Stage.WRITING, done += slice.size(), total);
            }
            for (List<Map<String, Object>> slice : Batches.of(create, 5 * Batches.ROWS)) {
                session.executeWriteWithoutResult(tx -> tx.run("""
                        UNWIND $rows AS row
                        MATCH (a:Entity {id: row.a}), (b:Entity {id: row.b})
                        CREATE (a)-[:SYNONYM {score: row.score}]->(b)""", Map.of("rows", slice)).consume());
                progress.at(Stage.WRITING, done += slice.size(), total);
            }
            return new int[] {create.size(), deleted};
        }
    }

    private static Map<String, Object> endpoints(String key) {
        int cut = key.indexOf('\u0000');
        return Map.of("a", key.substring(0, cut), "b", key.substring(cut + 1));
    }
}
