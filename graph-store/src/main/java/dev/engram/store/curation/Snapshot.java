package dev.engram.store.curation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.TransactionContext;

/**
 * The entities an edit touches, as they were before it: each node's properties (with its embedding), every
 * relationship at it with the other end's id, and the aliases leading to it. Restoring replaces those entities
 * with this picture, which undoes any edit made to them alone.
 */
record Snapshot(List<Map<String, Object>> entities, List<Map<String, Object>> relationships, List<Map<String, Object>> aliases) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The current picture of entities {@code ids}. */
    static Snapshot capture(TransactionContext tx, List<String> ids) {
        Map<String, Object> p = Map.of("ids", ids);
        List<Map<String, Object>> entities = tx.run("MATCH (e:Entity) WHERE e.id IN $ids RETURN properties(e) AS props", p)
                .list(r -> r.get("props").asMap());
        return new Snapshot(entities, relationships(tx, "MATCH (e:Entity)-[r]-(o) WHERE e.id IN $ids", p), aliases(tx, p));
    }

    /** The one relation {@code s —predicate→ o}: undoing its deletion brings back only it. */
    static Snapshot relation(TransactionContext tx, String s, String predicate, String o) {
        return new Snapshot(List.of(), relationships(tx,
                "MATCH (:Entity {id: $s})-[r:RELATION {predicate: $p}]->(:Entity {id: $o})", Map.of("s", s, "p", predicate, "o", o)),
                List.of());
    }

    // the other end is named by entity id, by chunk id (a re-ingest recreates chunks), or else by element id
    private static List<Map<String, Object>> relationships(TransactionContext tx, String match, Map<String, Object> p) {
        return tx.run(match + """

                WITH DISTINCT r
                WITH r, startNode(r) AS s, endNode(r) AS t
                RETURN type(r) AS type, properties(r) AS props,
                       CASE WHEN s:Entity THEN s.id END AS sEntity, CASE WHEN s:Chunk THEN s.id END AS sChunk,
                       CASE WHEN s:Entity OR s:Chunk THEN null ELSE elementId(s) END AS sNode,
                       CASE WHEN t:Entity THEN t.id END AS tEntity, CASE WHEN t:Chunk THEN t.id END AS tChunk,
                       CASE WHEN t:Entity OR t:Chunk THEN null ELSE elementId(t) END AS tNode
                """, p).list(r -> {
            Map<String, Object> m = new HashMap<>();
            m.put("type", r.get("type").asString());
            m.put("props", r.get("props").asMap());
            m.put("sEntity", r.get("sEntity").asString(null));
            m.put("sNode", r.get("sNode").asString(null));
            m.put("sChunk", r.get("sChunk").asString(null));
            m.put("tEntity", r.get("tEntity").asString(null));
            m.put("tChunk", r.get("tChunk").asString(null));
            m.put("tNode", r.get("tNode").asString(null));
            return m;
        });
    }

    private static List<Map<String, Object>> aliases(TransactionContext tx, Map<String, Object> p) {
        return tx.run("MATCH (a:" + CurationRules.ALIAS + ") WHERE a.into IN $ids OR a.id IN $ids"
                + " RETURN properties(a) AS props", p).list(r -> r.get("props").asMap());
    }

    /** Puts entities {@code ids} back as this snapshot shows them (deleting what the edit made of them). */
    void restore(TransactionContext tx, List<String> ids) {
        tx.run("MATCH (a:" + CurationRules.ALIAS + ") WHERE a.into IN $ids OR a.id IN $ids DELETE a", Map.of("ids", ids)).consume();
        tx.run("MATCH (e:Entity) WHERE e.id IN $ids DETACH DELETE e", Map.of("ids", ids)).consume();
        for (Map<String, Object> props : entities) {
            Map<String, Object> plain = new HashMap<>(props);
            Object embedding = plain.remove("embedding");
            tx.run("CREATE (e:Entity) SET e = $props WITH e WHERE $embedding IS NOT NULL"
                    + " CALL db.create.setNodeVectorProperty(e, 'embedding', $embedding)",
                    mapOf("props", plain, "embedding", embedding)).consume();
        }
        for (Map<String, Object> rel : relationships) {
            @SuppressWarnings("unchecked")
            Map<String, Object> plain = new HashMap<>((Map<String, Object>) rel.get("props"));
            Object embedding = plain.remove("embedding");
            String type = ((String) rel.get("type")).replace("`", "``");
            String vector = type.equals("RELATION") ? " WITH r WHERE $embedding IS NOT NULL"
                    + " CALL db.create.setRelationshipVectorProperty(r, 'embedding', $embedding)" : "";
            // an index seek for each end: by entity id, or by element id
            tx.run(end("s", rel) + " " + end("t", rel) + " CREATE (s)-[r:`" + type + "`]->(t) SET r = $props" + vector,
                    mapOf("sEntity", rel.get("sEntity"), "sNode", rel.get("sNode"), "sChunk", rel.get("sChunk"),
                            "tEntity", rel.get("tEntity"), "tNode", rel.get("tNode"), "tChunk", rel.get("tChunk"),
                            "props", plain, "embedding", embedding)).consume();
        }
        for (Map<String, Object> alias : aliases) {
            tx.run("CREATE (a:" + CurationRules.ALIAS + ") SET a = $props", Map.of("props", alias)).consume();
        }
    }

    // an index seek for one end of a relationship: by entity id, chunk id, or element id
    private static String end(String v, Map<String, Object> rel) {
        if (rel.get(v + "Entity") != null) {
            return "MATCH (" + v + ":Entity {id: $" + v + "Entity})";
        }
        if (rel.get(v + "Chunk") != null) {
            return "MATCH (" + v + ":Chunk {id: $" + v + "Chunk})";
        }
        return "MATCH (" + v + ") WHERE elementId(" + v + ") = $" + v + "Node";
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a snapshot is plain maps and lists", e);
        }
    }

    static Snapshot fromJson(String json) {
        try {
            return JSON.readValue(json, Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the audit list holds a snapshot this version cannot read", e);
        }
    }

    private static Map<String, Object> mapOf(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static List<String> ids(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(x -> !all.contains(x)).forEach(all::add);
        return all;
    }
}
