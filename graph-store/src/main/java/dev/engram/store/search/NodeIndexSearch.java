package dev.engram.store.search;

import dev.engram.store.neo4j.GraphStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/**
 * A node search through a vector or full-text index, over-fetching while access filtering leaves too few hits.
 * {@code perHit} is the Cypher run once per index hit, with the node bound to {@code variable} and its {@code score}:
 * it filters and returns {@code results} (maps with a {@code score}). {@code row} reads one result with its score
 * already on the cosine scale for vector hits.
 */
record NodeIndexSearch<T>(String results, Row<T> row, ToDoubleFunction<T> score) {

    // one row even when the index returns nothing, so the unfiltered hit count is always known
    private static final String HITS = """
            WITH collect({n: node, score: score}) AS hits
            CALL (hits) {
              UNWIND hits AS h
              WITH h.n AS %s, h.score AS score
            %s
            }
            RETURN size(hits) AS hits, results
            """;

    NodeIndexSearch(String variable, String perHit, Row<T> row, ToDoubleFunction<T> score) {
        this(HITS.formatted(variable, perHit.strip().indent(2).stripTrailing()), row, score);
    }

    /** Reads one result map, given its final score. */
    interface Row<T> {
        T read(Value result, double score);
    }

    /** The k readable nodes nearest to a vector in {@code index}, scored by cosine similarity. */
    List<T> byVector(GraphStore store, String index, float[] vector, int k, AccessFilter filter) {
        String query = "CALL db.index.vector.queryNodes($index, $fetch, $vector) YIELD node, score\n" + results;
        return OverFetch.search(k, !filter.isUnrestricted(), fetch -> run(store, query, filter, Map.of(
                "index", index, "fetch", fetch, "vector", vector), true));
    }

    /** The k readable nodes best matching free text in full-text {@code index}; Lucene syntax is taken literally. */
    List<T> byText(GraphStore store, String index, String text, int k, AccessFilter filter) {
        String lucene = LuceneQuery.escape(text);
        if (lucene.isEmpty()) {
            return List.of();
        }
        String query = "CALL db.index.fulltext.queryNodes($index, $query, {limit: $fetch}) YIELD node, score\n" + results;
        return OverFetch.search(k, !filter.isUnrestricted(), fetch -> run(store, query, filter, Map.of(
                "index", index, "fetch", fetch, "query", lucene), false));
    }

    private OverFetch.Page<T> run(GraphStore store, String query, AccessFilter filter, Map<String, Object> args, boolean cosine) {
        Map<String, Object> params = AccessCypher.params(filter);
        params.putAll(args);
        try (Session session = store.session()) {
            Record page = session.executeRead(tx -> tx.run(query, params).single());
            List<T> found = page.get("results").asList((Value v) -> {
                double raw = v.get("score").asDouble();
                return row.read(v, cosine ? VectorScores.cosine(raw) : raw);
            }).stream().sorted(Comparator.comparingDouble(score).reversed()).toList();
            return new OverFetch.Page<>(found, page.get("hits").asLong());
        }
    }
}
