package dev.engram.store.search;

import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.schema.IndexNames;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/**
 * Links text to entities by embedding or by name. With an access filter, an entity is found only if a readable
 * chunk mentions it, and its chunk count counts only readable chunks, so hidden documents leak nothing.
 */
public record EntitySearch(GraphStore store) {

    private static final String RESULTS = """
            WITH collect({e: node, score: score}) AS hits
            CALL (hits) {
              UNWIND hits AS h
              WITH h.e AS e, h.score AS score
              WHERE $unrestricted OR EXISTS { MATCH (c:Chunk)-[:MENTIONS]->(e) WHERE %1$s }
              RETURN collect({id: e.id, name: e.name, score: score,
                              chunkCount: CASE WHEN $unrestricted THEN coalesce(e.chunkCount, 0)
                                          ELSE COUNT { MATCH (c:Chunk)-[:MENTIONS]->(e) WHERE %1$s } END}) AS results
            }
            RETURN size(hits) AS hits, results
            """.formatted(AccessCypher.readable("c"));

    /** The k entities nearest to a vector, scored by cosine similarity. */
    public List<ScoredEntity> entityByVector(float[] vector, int k) {
        return entityByVector(vector, k, AccessFilter.ALL);
    }

    /** The k entities nearest to a vector that a readable chunk mentions, scored by cosine similarity. */
    public List<ScoredEntity> entityByVector(float[] vector, int k, AccessFilter filter) {
        String query = "CALL db.index.vector.queryNodes($index, $fetch, $vector) YIELD node, score\n" + RESULTS;
        return OverFetch.search(k, !filter.isUnrestricted(), fetch -> run(query, filter, Map.of(
                "index", IndexNames.ENTITY_EMBEDDING, "fetch", fetch, "vector", vector), true));
    }

    /** The k entities whose names best match the text (full-text, Lucene syntax taken literally). */
    public List<ScoredEntity> entityByName(String text, int k) {
        return entityByName(text, k, AccessFilter.ALL);
    }

    /** The k entities whose names best match the text, among those a readable chunk mentions. */
    public List<ScoredEntity> entityByName(String text, int k, AccessFilter filter) {
        String lucene = LuceneQuery.escape(text);
        if (lucene.isEmpty()) {
            return List.of();
        }
        String query = "CALL db.index.fulltext.queryNodes($index, $query, {limit: $fetch}) YIELD node, score\n" + RESULTS;
        return OverFetch.search(k, !filter.isUnrestricted(), fetch -> run(query, filter, Map.of(
                "index", IndexNames.ENTITY_NAME, "fetch", fetch, "query", lucene), false));
    }

    private OverFetch.Page<ScoredEntity> run(String query, AccessFilter filter, Map<String, Object> args, boolean cosine) {
        Map<String, Object> params = AccessCypher.params(filter);
        params.put("unrestricted", filter.isUnrestricted());
        params.putAll(args);
        try (Session session = store.session()) {
            Record row = session.executeRead(tx -> tx.run(query, params).single());
            List<ScoredEntity> results = row.get("results").asList((Value v) -> new ScoredEntity(
                    v.get("id").asString(), v.get("name").asString(null),
                    cosine ? VectorScores.cosine(v.get("score").asDouble()) : v.get("score").asDouble(),
                    v.get("chunkCount").asLong(0)))
                    .stream().sorted(Comparator.comparingDouble(ScoredEntity::score).reversed()).toList();
            return new OverFetch.Page<>(results, row.get("hits").asLong());
        }
    }
}
