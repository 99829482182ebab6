package dev.engram.app.server.cypher;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;
import org.neo4j.driver.types.TypeSystem;

/**
 * Converts driver values to JSON-ready Java values, collecting the nodes and relationships met on the way.
 * Embeddings are dropped: hundreds of floats per node help no reader and would dwarf the result.
 */
final class GraphValues {
    private final Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> relationships = new LinkedHashMap<>();

    Object convert(Value value) {
        if (value == null || value.isNull()) {
            return null;
        }
        TypeSystem ts = org.neo4j.driver.internal.types.InternalTypeSystem.TYPE_SYSTEM;
        if (value.hasType(ts.NODE())) {
            return node(value.asNode());
        }
        if (value.hasType(ts.RELATIONSHIP())) {
            return relationship(value.asRelationship());
        }
        if (value.hasType(ts.PATH())) {
            Path path = value.asPath();
            List<Object> ns = new ArrayList<>();
            path.nodes().forEach(n -> ns.add(node(n)));
            List<Object> rs = new ArrayList<>();
            path.relationships().forEach(r -> rs.add(relationship(r)));
            return Map.of("nodes", ns, "relationships", rs);
        }
        if (value.hasType(ts.LIST())) {
            return value.asList(this::convert);
        }
        if (value.hasType(ts.MAP())) {
            Map<String, Object> out = new LinkedHashMap<>();
            value.keys().forEach(k -> out.put(k, convert(value.get(k))));
            return out;
        }
        if (value.hasType(ts.BYTES())) {
            return Base64.getEncoder().encodeToString(value.asByteArray());
        }
        if (value.hasType(ts.POINT())) {
            var p = value.asPoint();
            return Map.of("srid", p.srid(), "x", p.x(), "y", p.y());
        }
        if (value.hasType(ts.STRING()) || value.hasType(ts.INTEGER()) || value.hasType(ts.FLOAT())
                || value.hasType(ts.BOOLEAN())) {
            return value.asObject();
        }
        // dates, times and durations read best in their ISO text form; vectors and anything newer as text too
        return value.toString();
    }

    private Map<String, Object> node(Node n) {
        return nodes.computeIfAbsent(n.elementId(), id -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("labels", n.labels());
            m.put("properties", properties(n.asMap(v -> v)));
            return m;
        });
    }

    private Map<String, Object> relationship(Relationship r) {
        return relationships.computeIfAbsent(r.elementId(), id -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("type", r.type());
            m.put("start", r.startNodeElementId());
            m.put("end", r.endNodeElementId());
            m.put("properties", properties(r.asMap(v -> v)));
            return m;
        });
    }

    private Map<String, Object> properties(Map<String, Value> raw) {
        Map<String, Object> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> {
            if (!k.toLowerCase(Locale.ROOT).contains("embedding")) {
                out.put(k, convert(v));
            }
        });
        return out;
    }

    CypherResponse.GraphView graph() {
        return new CypherResponse.GraphView(List.copyOf(nodes.values()), List.copyOf(relationships.values()));
    }
}
