package dev.engram.store.projection;

import dev.engram.pagerank.CsrGraph;
import dev.engram.store.neo4j.GraphStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/** Reads entities, chunks, relations, synonyms and mentions out of Neo4j into a {@link GraphProjection}. */
public final class GraphProjector {
    private final GraphStore store;
    private final ProjectionWeights weights;

    /** A projector over a store, weighting edges as given. */
    public GraphProjector(GraphStore store, ProjectionWeights weights) {
        this.store = store;
        this.weights = weights;
    }

    /**
     * A cheap fingerprint of the graph's size (node and relationship counts, answered from Neo4j's count store, not
     * by a scan), so a server notices that another process ingested or deleted something.
     */
    public String fingerprint() {
        try (Session session = store.session()) {
            long nodes = session.run("MATCH (n) RETURN count(n) AS n").single().get("n").asLong();
            long relationships = session.run("MATCH ()-[r]->() RETURN count(r) AS n").single().get("n").asLong();
            return nodes + ":" + relationships;
        }
    }

    /**
     * Reads the whole graph; streams records, so memory stays proportional to the projection itself. Repeated
     * strings (predicates, document ids, tenants, the chunk ids of relation provenance) are stored once.
     */
    public GraphProjection project() {
        try (Session session = store.session()) {
            Map<String, String> strings = new HashMap<>();
            Map<String, Integer> index = new HashMap<>();
            List<String> ids = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            session.run("MATCH (e:Entity) RETURN e.id AS id, coalesce(e.name, e.id) AS name, "
                    + "coalesce(e.chunkCount, 0) AS n ORDER BY id").stream().forEach(r -> {
                        index.put(r.get("id").asString(), ids.size());
                        ids.add(r.get("id").asString());
                        names.add(r.get("name").asString());
                        counts.add(r.get("n").asInt());
                    });
            int entityCount = ids.size();
            List<String> docs = new ArrayList<>();
            List<String> tenants = new ArrayList<>();
            List<List<String>> acls = new ArrayList<>();
            session.run("MATCH (c:Chunk) RETURN c.id AS id, c.documentId AS doc, c.tenant AS tenant, "
                    + "coalesce(c.acl, []) AS acl ORDER BY id").stream().forEach(r -> {
                        index.put(r.get("id").asString(), ids.size());
                        ids.add(r.get("id").asString());
                        docs.add(intern(strings, r.get("doc").asString(null)));
                        tenants.add(r.get("tenant").isNull() ? null : intern(strings, r.get("tenant").asString()));
                        List<String> acl = r.get("acl").asList(Value::asString);
                        acls.add(acl.isEmpty() ? List.of() : List.copyOf(acl));
                    });

            EdgeBuffer edges = new EdgeBuffer();
            List<String> predicates = new ArrayList<>();
            List<List<String>> provenance = new ArrayList<>();
            session.run("MATCH (s:Entity)-[r:RELATION]->(o:Entity) RETURN s.id AS s, o.id AS o, "
                    + "r.predicate AS p, coalesce(r.chunkIds, []) AS chunks").stream().forEach(r -> {
                        // provenance names chunks by the same String objects as the node ids: no copy per relation
                        List<String> chunks = r.get("chunks").asList(v -> {
                            Integer node = index.get(v.asString());
                            return node == null ? v.asString() : ids.get(node);
                        });
                        edges.add(index.get(r.get("s").asString()), index.get(r.get("o").asString()),
                                (float) (weights.relation() * Math.max(1, chunks.size())));
                        predicates.add(intern(strings, r.get("p").asString("")));
                        provenance.add(chunks.isEmpty() ? List.of() : List.copyOf(chunks));
                    });
            int relationCount = edges.size;
            session.run("MATCH (a:Entity)-[y:SYNONYM]->(b:Entity) WHERE coalesce(y.score, 1.0) >= $min "
                    + "RETURN a.id AS a, b.id AS b, y.score AS score", Map.of("min", weights.minSynonymScore()))
                    .stream().forEach(r -> edges.add(index.get(r.get("a").asString()),
                            index.get(r.get("b").asString()), (float) (weights.synonym() * r.get("score").asDouble(1.0))));
            int synonymEnd = edges.size;
            session.run("MATCH (c:Chunk)-[:MENTIONS]->(e:Entity) RETURN c.id AS c, e.id AS e").stream()
                    .forEach((Record r) -> edges.add(index.get(r.get("c").asString()),
                            index.get(r.get("e").asString()), (float) weights.mention()));

            CsrGraph.Builder builder = CsrGraph.builder(ids.size());
            for (int e = 0; e < edges.size; e++) {
                builder.addEdge(edges.from[e], edges.to[e], edges.weight[e]);
            }
            int[] subjects = Arrays.copyOf(edges.from, relationCount);
            int[] objects = Arrays.copyOf(edges.to, relationCount);
            return new GraphProjection(ids.toArray(String[]::new), names.toArray(String[]::new),
                    counts.stream().mapToInt(Integer::intValue).toArray(), entityCount,
                    docs.toArray(String[]::new), tenants.toArray(String[]::new), List.copyOf(acls),
                    subjects, objects, predicates.toArray(String[]::new), List.copyOf(provenance),
                    builder.build(true), Map.copyOf(index), edges.toList(synonymEnd));
        }
    }

    private static String intern(Map<String, String> strings, String value) {
        return value == null ? null : strings.computeIfAbsent(value, v -> v);
    }

    /** Growable primitive edge arrays. */
    private static final class EdgeBuffer {
        int[] from = new int[1024];
        int[] to = new int[1024];
        float[] weight = new float[1024];
        int size;

        void add(int a, int b, float w) {
            if (size == from.length) {
                from = Arrays.copyOf(from, size * 2);
                to = Arrays.copyOf(to, size * 2);
                weight = Arrays.copyOf(weight, size * 2);
            }
            from[size] = a;
            to[size] = b;
            weight[size] = w;
            size++;
        }

        GraphProjection.EdgeList toList(int synonymEnd) {
            return new GraphProjection.EdgeList(Arrays.copyOf(from, size), Arrays.copyOf(to, size),
                    Arrays.copyOf(weight, size), synonymEnd);
        }
    }
}
