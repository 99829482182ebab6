package dev.engram.store.stats;

import dev.engram.store.neo4j.GraphStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/** A snapshot of a store's size: nodes by label, relationships by type, and index states. */
public record GraphStats(Map<String, Long> nodesByLabel, Map<String, Long> relationshipsByType, List<IndexStatus> indexes) {

    public GraphStats {
        nodesByLabel = Collections.unmodifiableMap(new LinkedHashMap<>(nodesByLabel));
        relationshipsByType = Collections.unmodifiableMap(new LinkedHashMap<>(relationshipsByType));
        indexes = List.copyOf(indexes);
    }

    /** Collects the statistics of a store (counts come from Neo4j's count store, so this is cheap). */
    public static GraphStats collect(GraphStore store) {
        try (Session session = store.session()) {
            return session.executeRead(tx -> {
                Map<String, Long> nodes = new TreeMap<>();
                for (String label : tx.run("CALL db.labels() YIELD label RETURN label").list(r -> r.get(0).asString())) {
                    nodes.put(label, tx.run("MATCH (n:" + quote(label) + ") RETURN count(n) AS n").single().get("n").asLong());
                }
                Map<String, Long> relationships = new TreeMap<>();
                for (String type : tx.run("CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType")
                        .list(r -> r.get(0).asString())) {
                    relationships.put(type,
                            tx.run("MATCH ()-[r:" + quote(type) + "]->() RETURN count(r) AS n").single().get("n").asLong());
                }
                List<IndexStatus> indexes = tx.run("""
                        SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, state, populationPercent
                        WHERE type <> 'LOOKUP'
                        RETURN name, type, entityType, labelsOrTypes, properties, state, populationPercent ORDER BY name
                        """).list(r -> new IndexStatus(r.get("name").asString(), r.get("type").asString(),
                        r.get("entityType").asString(), strings(r.get("labelsOrTypes")), strings(r.get("properties")),
                        r.get("state").asString(), r.get("populationPercent").asDouble(0)));
                return new GraphStats(nodes, relationships, indexes);
            });
        }
    }

    /** Nodes with this label (0 when none). */
    public long nodes(String label) {
        return nodesByLabel.getOrDefault(label, 0L);
    }

    /** Relationships of this type (0 when none). */
    public long relationships(String type) {
        return relationshipsByType.getOrDefault(type, 0L);
    }

    /** A table for a terminal. */
    public String format() {
        StringBuilder out = new StringBuilder("Nodes\n");
        nodesByLabel.forEach((label, n) -> out.append(String.format("  %-22s %,12d%n", label, n)));
        out.append("Relationships\n");
        relationshipsByType.forEach((type, n) -> out.append(String.format("  %-22s %,12d%n", type, n)));
        out.append("Indexes\n");
        for (IndexStatus index : indexes) {
            String target = String.join(",", index.labelsOrTypes()) + "(" + String.join(",", index.properties()) + ")";
            out.append(String.format("  %-30s %-9s %-28s %-8s %5.1f%%%n", index.name(), index.type(), target,
                    index.state(), index.populationPercent()));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return format();
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static List<String> strings(Value value) {
        return value.isNull() ? List.of() : new ArrayList<>(value.asList(Value::asString));
    }
}
