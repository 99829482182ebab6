package dev.engram.store.search;

import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.schema.IndexNames;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/**
 * Links a question to facts through the RELATION vector index (HippoRAG 2's query-to-fact linking). With an
 * access filter a fact is found only through chunks the reader may see, and lists only those chunks.
 */
public record FactSearch(GraphStore store) {

    private static final String QUERY = """
            CALL db.index.vector.queryRelationships($index, $fetch, $vector) YIELD relationship, score
            WITH collect({r: relationship, score: score}) AS hits
            WITH hits, [h IN hits | {r: h.r, score: h.score,
                chunkIds: CASE WHEN $unrestricted THEN h.r.chunkIds
                          ELSE [id IN h.r.chunkIds WHERE EXISTS { MATCH (c:Chunk {id: id}) WHERE %s }] END}] AS facts
            RETURN size(hits) AS hits,
                   [f IN facts WHERE size(f.chunkIds) > 0 | {s: startNode(f.r).id, p: f.r.predicate,
                     o: endNode(f.r).id, score: f.score, chunkIds: f.chunkIds}] AS results
            """.formatted(AccessCypher.readable("c"));

    /** The k facts nearest to a vector, scored by cosine similarity. */
    public List<ScoredFact> factsByVector(float[] vector, int k) {
        return factsByVector(vector, k, AccessFilter.ALL);
    }

    /** The k facts nearest to a vector that readable chunks state, each with only its readable chunk ids. */
    public List<ScoredFact> factsByVector(float[] vector, int k, AccessFilter filter) {
        return OverFetch.search(k, !filter.isUnrestricted(), fetch -> run(filter, fetch, vector));
    }

    private OverFetch.Page<ScoredFact> run(AccessFilter filter, int fetch, float[] vector) {
        Map<String, Object> params = AccessCypher.params(filter);
        params.put("unrestricted", filter.isUnrestricted());
        params.put("index", IndexNames.FACT_EMBEDDING);
        params.put("fetch", fetch);
        params.put("vector", vector);
        try (Session session = store.session()) {
            Record row = session.executeRead(tx -> tx.run(QUERY, params).single());
            List<ScoredFact> results = row.get("results").asList((Value v) -> new ScoredFact(
                    v.get("s").asString(), v.get("p").asString(), v.get("o").asString(),
                    VectorScores.cosine(v.get("score").asDouble()), v.get("chunkIds").asList(Value::asString)));
            return new OverFetch.Page<>(results, row.get("hits").asLong());
        }
    }
}
