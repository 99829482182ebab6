package dev.engram.store.search;

import dev.engram.store.lookup.ChunkPlaces;
import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.schema.IndexNames;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/** Finds chunks by embedding (vector index) or by words (Lucene BM25 full-text index), within what a reader may see. */
public record ChunkSearch(GraphStore store) {

    // one row even when the index returns nothing, so the unfiltered hit count is always known
    private static final String RESULTS = """
            WITH collect({c: node, score: score}) AS hits
            CALL (hits) {
              UNWIND hits AS h
              WITH h.c AS c, h.score AS score
              WHERE %s
              OPTIONAL MATCH (c)-[:PART_OF]->(d:Document)
              RETURN collect({id: c.id, documentId: c.documentId, index: c.index, text: c.text, title: d.title,
                              score: score, place: %s}) AS results
            }
            RETURN size(hits) AS hits, results
            """.formatted(AccessCypher.readable("c"), ChunkPlaces.cypher("c"));

    /** The k readable chunks nearest to a query vector, scored by cosine similarity. */
    public List<ScoredChunk> dense(float[] queryVector, int k, AccessFilter filter) {
        String query = "CALL db.index.vector.queryNodes($index, $fetch, $vector) YIELD node, score\n" + RESULTS;
        return OverFetch.search(k, !filter.isUnrestricted(), fetch -> run(query, filter, Map.of(
                "index", IndexNames.CHUNK_EMBEDDING, "fetch", fetch, "vector", queryVector), true));
    }

    /** The k readable chunks best matching free text by BM25; Lucene syntax in the text is taken literally. */
    public List<ScoredChunk> fullText(String text, int k, AccessFilter filter) {
        String lucene = LuceneQuery.escape(text);
        if (lucene.isEmpty()) {
            return List.of();
        }
        String query = "CALL db.index.fulltext.queryNodes($index, $query, {limit: $fetch}) YIELD node, score\n" + RESULTS;
        return OverFetch.search(k, !filter.isUnrestricted(), fetch -> run(query, filter, Map.of(
                "index", IndexNames.CHUNK_TEXT, "fetch", fetch, "query", lucene), false));
    }

    private OverFetch.Page<ScoredChunk> run(String query, AccessFilter filter, Map<String, Object> args, boolean cosine) {
        Map<String, Object> params = AccessCypher.params(filter);
        params.putAll(args);
        try (Session session = store.session()) {
            Record row = session.executeRead(tx -> tx.run(query, params).single());
            List<ScoredChunk> results = row.get("results").asList((Value v) -> new ScoredChunk(
                    v.get("id").asString(), v.get("documentId").asString(null), v.get("title").asString(null),
                    v.get("text").asString(null), v.get("index").asInt(0),
                    cosine ? VectorScores.cosine(v.get("score").asDouble()) : v.get("score").asDouble(),
                    ChunkPlaces.of(v.get("place"))))
                    .stream().sorted(Comparator.comparingDouble(ScoredChunk::score).reversed()).toList();
            return new OverFetch.Page<>(results, row.get("hits").asLong());
        }
    }
}
