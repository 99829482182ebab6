package dev.engram.store.neo4j;

/**
 * The prefix of write statements whose rows are all found through unique-constraint seeks (by id), so that their
 * plan cannot depend on the graph's statistics. Neo4j replans a cached statement whenever the counts it was planned
 * with have drifted, which during an ingest (a graph growing from empty) is every few seconds for every statement,
 * each time compiling and loading new generated code; for these statements that work buys nothing. Measured on a
 * 2wiki ingest profile: Cypher planning was about a tenth of the database's CPU time, with the JIT compiler busy
 * beside it.
 */
public final class StablePlans {
    /** Keeps the cached plan: {@code CYPHER replan=skip}. */
    public static final String PREFIX = "CYPHER replan=skip ";

    private StablePlans() {}
}
