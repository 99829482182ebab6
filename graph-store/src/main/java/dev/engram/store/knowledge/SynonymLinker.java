package dev.engram.store.knowledge;

import dev.engram.store.neo4j.Batches;
import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.schema.IndexNames;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Session;

/**
 * Links entities to their near-duplicates by SYNONYM edges, found through the entity vector index for the given
 * (new) entities only, never by an all-pairs pass.
 */
public final class SynonymLinker {
    /** HippoRAG's synonym threshold on cosine similarity. */
    public static final double DEFAULT_THRESHOLD = 0.8;
    /** How many nearest entities are considered as synonyms of a new one. */
    public static final int CANDIDATES = 10;
    // each row runs a vector query, so synonym transactions stay small
    private static final int BATCH = 200;

    private final GraphStore store;
    private final double threshold;

    /** A linker joining entities whose embeddings' cosine similarity is at least {@code threshold}. */
    public SynonymLinker(GraphStore store, double threshold) {
        if (threshold < -1 || threshold > 1) {
            throw new IllegalArgumentException("synonym threshold is a cosine similarity in [-1, 1], got " + threshold);
        }
        this.store = store;
        this.threshold = threshold;
    }

    /** Links each of these entities to its synonyms; returns how many SYNONYM edges were created. */
    public int link(List<String> entityIds) {
        // Neo4j's cosine score is (1 + cos) / 2; the threshold is a cosine
        double minScore = (1 + threshold) / 2;
        int created = 0;
        try (Session session = store.session()) {
            for (List<String> slice : Batches.of(entityIds, BATCH)) {
                created += session.executeWrite(tx -> tx.run("""
                        UNWIND $ids AS id
                        MATCH (e:Entity {id: id}) WHERE e.embedding IS NOT NULL
                        CALL db.index.vector.queryNodes($index, $k, e.embedding) YIELD node, score
                        WITH e, node, score WHERE node <> e AND score >= $minScore
                        MERGE (e)-[s:SYNONYM]-(node)
                          ON CREATE SET s.score = 2 * score - 1
                        """, Map.of("ids", slice, "index", IndexNames.ENTITY_EMBEDDING, "k", CANDIDATES + 1,
                        "minScore", minScore)).consume().counters().relationshipsCreated());
            }
        }
        return created;
    }
}
