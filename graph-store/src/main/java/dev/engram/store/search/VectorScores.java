package dev.engram.store.search;

/** Neo4j reports cosine similarity rescaled to [0, 1] as (1 + cos) / 2; Engram's APIs speak plain cosine. */
final class VectorScores {

    private VectorScores() {}

    static double cosine(double neo4jScore) {
        return 2 * neo4jScore - 1;
    }
}
