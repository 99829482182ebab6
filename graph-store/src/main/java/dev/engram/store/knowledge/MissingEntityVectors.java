package dev.engram.store.knowledge;

import dev.engram.records.embedding.Embedder;
import dev.engram.store.neo4j.Batches;
import dev.engram.store.neo4j.GraphStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Session;

/**
 * Embeds the name of every entity that has no vector yet, in id order and in fixed slices, so that which names share
 * an embedder call (and with batched ONNX runs a vector depends slightly on its neighbours in the call) depends only
 * on the set of entities, never on which worker or batch created them. Ingests that leave synonyms to the end of the
 * run create entities without vectors and call this before the synonym rebuild.
 */
public final class MissingEntityVectors {
    // ids read per page: bounded memory at any corpus size
    private static final int PAGE = 16_384;

    private final GraphStore store;
    private final Embedder embedder;

    /** Embeds with {@code embedder} into {@code store}. */
    public MissingEntityVectors(GraphStore store, Embedder embedder) {
        this.store = store;
        this.embedder = embedder;
    }

    /** What one pass did: names embedded, and the embedder's share of the time. */
    public record Result(int embedded, long embedNanos) {}

    /** Embeds every entity without a vector; returns how many. */
    public Result embedAll() {
        int done = 0;
        long embedNanos = 0;
        String after = "";
        try (Session session = store.session()) {
            while (true) {
                String from = after;
                List<org.neo4j.driver.Record> page = session.executeRead(tx -> tx.run("""
                        MATCH (e:Entity) WHERE e.embedding IS NULL AND e.id > $after
                        RETURN e.id AS id, coalesce(e.name, e.id) AS name ORDER BY e.id LIMIT $page
                        """, Map.of("after", from, "page", PAGE)).list());
                if (page.isEmpty()) {
                    return new Result(done, embedNanos);
                }
                List<String> ids = page.stream().map(r -> r.get("id").asString()).toList();
                long t = System.nanoTime();
                List<float[]> vectors = embed(page.stream().map(r -> r.get("name").asString()).toList());
                embedNanos += System.nanoTime() - t;
                write(ids, vectors);
                done += ids.size();
                after = ids.getLast();
            }
        }
    }

    /**
     * The vectors of these names, in the slices {@link #embedAll} uses; {@code names} must be the first entities
     * without a vector in id order, a whole number of pages long or all of them, for the slices to be the same.
     */
    public List<float[]> embed(List<String> names) {
        List<float[]> vectors = new ArrayList<>(names.size());
        for (List<String> slice : Batches.of(names, KnowledgeWriter.EMBED_BATCH)) {
            vectors.addAll(embedder.embedPassages(slice));
        }
        return vectors;
    }

    /** Stores {@code vectors} on the entities {@code ids}. */
    public void write(List<String> ids, List<float[]> vectors) {
        List<Map<String, Object>> rows = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            rows.add(Map.of("id", ids.get(i), "embedding", vectors.get(i)));
        }
        try (Session session = store.session()) {
            for (List<Map<String, Object>> slice : Batches.of(rows)) {
                session.executeWriteWithoutResult(tx -> tx.run("""
                        UNWIND $rows AS row
                        MATCH (e:Entity {id: row.id})
                        CALL db.create.setNodeVectorProperty(e, 'embedding', row.embedding)
                        """, Map.of("rows", slice)).consume());
            }
        }
    }

    /** Entities {@link #embed} may take at once ahead of {@link #embedAll}: a whole number of pages. */
    public static int pageMultiple(int wanted) {
        return Math.max(PAGE, wanted / PAGE * PAGE);
    }
}
