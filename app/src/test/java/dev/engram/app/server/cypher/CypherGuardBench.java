package dev.engram.app.server.cypher;

/**
 * Cost of one {@link CypherGuard#check}: three typical explorer queries, 20,000 checks a round. No {@code @Test}:
 * run it by hand ({@code java -cp <app test classpath> dev.engram.app.server.cypher.CypherGuardBench [distinct]});
 * with {@code distinct} every text differs (a trailing comment), so the cache never answers.
 */
public final class CypherGuardBench {
    private CypherGuardBench() {}

    public static void main(String[] args) {
        boolean distinct = args.length > 0 && args[0].equals("distinct");
        CypherGuard guard = new CypherGuard();
        String[] queries = {
            "MATCH (c:Chunk)-[p:PART_OF]->(d:Document {id: $id}) RETURN d.title AS title, c, p",
            "MATCH (e:Entity)-[r:RELATION]->(o:Entity) WHERE e.name STARTS WITH 'A' RETURN e.name, r.predicate, o.name ORDER BY e.name LIMIT 25",
            "MATCH p = shortestPath((a:Entity {id: $from})-[:RELATION*..3]-(b:Entity {id: $to})) RETURN p"};
        for (int round = 0; round < 3; round++) {
            int n = 20_000;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                guard.check(queries[i % queries.length] + (distinct ? " // " + i : ""));
            }
            System.out.printf("round %d: %.1f us per check (%s texts)%n", round,
                    (System.nanoTime() - start) / 1e3 / n, distinct ? "distinct" : "repeated");
        }
    }
}
