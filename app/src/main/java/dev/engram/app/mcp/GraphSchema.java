package dev.engram.app.mcp;

import dev.engram.app.runtime.EngramRuntime;
import dev.engram.app.server.ApiException;
import dev.engram.store.search.AccessCypher;
import dev.engram.store.search.AccessFilter;
import dev.engram.store.stats.GraphStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Session;
import org.springframework.stereotype.Component;

/**
 * What the graph holds, for a model about to explore it or write Cypher: labels and relationship types, the
 * shape of the model, counts and the most frequent predicates. A tenant-scoped caller's counts and predicates
 * come only from what it may read, so they reveal nothing about other tenants' documents.
 */
@Component
public class GraphSchema {
    /** Most predicates listed. */
    public static final int MAX_PREDICATES = 500;

    static final List<String> PATTERNS = List.of(
            "(:Document {id, title, source, tenant, acl, ingestedAt})",
            "(:Chunk {id, documentId, index, text, tokenCount, tenant, acl})-[:PART_OF]->(:Document)",
            "(:Chunk)-[:NEXT]->(:Chunk)  reading order inside a document",
            "(:Document)-[:FIRST]->(:Chunk)",
            "(:Section {id, documentId, title, level})-[:PART_OF]->(:Document|:Section); (:Chunk)-[:IN_SECTION]->(:Section)",
            "(:Chunk)-[:MENTIONS]->(:Entity {id, name, aliases, chunkCount})  id = normalized name, e.g. 'ridley scott'",
            "(:Entity)-[:RELATION {predicate, chunkIds, weight}]->(:Entity)  one per (subject, predicate, object); chunkIds = provenance",
            "(:Entity)-[:SYNONYM {score}]->(:Entity)",
            "(:Entity)-[:IN_COMMUNITY]->(:Community {id, level, title, summary}); (:Chunk)-[:IN_COMMUNITY]->(:Community) for a level-0 theme's passages");

    private final EngramRuntime runtime;

    GraphSchema(EngramRuntime runtime) {
        this.runtime = runtime;
    }

    /** The schema as {@code access} may see it, with the {@code topPredicates} most frequent predicates. */
    public View describe(AccessFilter access, int topPredicates) {
        if (topPredicates < 1 || topPredicates > MAX_PREDICATES) {
            throw ApiException.badRequest("top_predicates must be between 1 and " + MAX_PREDICATES + ", was " + topPredicates);
        }
        Map<String, Object> params = AccessCypher.params(access);
        params.put("top", topPredicates);
        try (Session session = runtime.store().session()) {
            return session.executeRead(tx -> {
                List<String> labels = tx.run("CALL db.labels() YIELD label RETURN label ORDER BY label")
                        .list(r -> r.get(0).asString());
                List<String> types = tx.run("CALL db.relationshipTypes() YIELD relationshipType AS t RETURN t ORDER BY t")
                        .list(r -> r.get(0).asString());
                String readableRelations = access.isUnrestricted() ? "" : " WHERE " + AccessCypher.relation("r");
                List<PredicateCount> predicates = tx.run("MATCH ()-[r:RELATION]->()" + readableRelations
                        + " RETURN r.predicate AS predicate, count(*) AS n ORDER BY n DESC, predicate LIMIT $top", params)
                        .list(r -> new PredicateCount(r.get("predicate").asString(null), r.get("n").asLong()));
                if (access.isUnrestricted()) {
                    // counts from the store's own statistics, cheap at any size
                    GraphStats stats = GraphStats.collect(runtime.store());
                    return new View(labels, types, stats.nodesByLabel(), stats.relationshipsByType(), predicates,
                            PATTERNS, false);
                }
                Map<String, Long> nodes = new LinkedHashMap<>();
                Map<String, Long> relationships = new LinkedHashMap<>();
                for (String label : List.of("Document", "Section", "Chunk")) {
                    nodes.put(label, tx.run("MATCH (n:" + label + ") WHERE " + AccessCypher.readable("n") + " RETURN count(n) AS n",
                            params).single().get("n").asLong());
                }
                nodes.put("Entity", tx.run("MATCH (e:Entity) WHERE " + AccessCypher.entity("e") + " RETURN count(e) AS n",
                        params).single().get("n").asLong());
                relationships.put("MENTIONS", tx.run("MATCH (c:Chunk)-[m:MENTIONS]->() WHERE " + AccessCypher.readable("c")
                        + " RETURN count(m) AS n", params).single().get("n").asLong());
                relationships.put("RELATION", tx.run("MATCH ()-[r:RELATION]->() WHERE " + AccessCypher.relation("r")
                        + " RETURN count(r) AS n", params).single().get("n").asLong());
                return new View(labels, types, nodes, relationships, predicates, PATTERNS, true);
            });
        }
    }

    /**
     * The graph's shape. {@code scoped} says the counts cover only what the caller may read (then only Document,
     * Section, Chunk and Entity nodes and MENTIONS and RELATION edges are counted).
     */
    public record View(List<String> labels, List<String> relationshipTypes, Map<String, Long> nodeCounts,
                       Map<String, Long> relationshipCounts, List<PredicateCount> predicates, List<String> patterns,
                       boolean scoped) {}

    /** A predicate and how many relations carry it. */
    public record PredicateCount(String predicate, long count) {}
}
