package dev.engram.app.server.graph;

import dev.engram.app.runtime.EngramRuntime;
import dev.engram.app.server.ApiException;
import dev.engram.app.server.InputLimits;
import dev.engram.app.server.graph.GraphRecords.ChunkRef;
import dev.engram.app.server.graph.GraphRecords.ChunkText;
import dev.engram.app.server.graph.GraphRecords.ChunkView;
import dev.engram.app.server.graph.GraphRecords.DocumentView;
import dev.engram.app.server.graph.GraphRecords.Edge;
import dev.engram.app.server.graph.GraphRecords.EntityHit;
import dev.engram.app.server.graph.GraphRecords.EntityNode;
import dev.engram.app.server.graph.GraphRecords.GraphPath;
import dev.engram.app.server.graph.GraphRecords.Neighbourhood;
import dev.engram.store.knowledge.SynonymLinker;
import dev.engram.store.search.AccessCypher;
import dev.engram.store.search.AccessFilter;
import dev.engram.store.search.EntitySearch;
import dev.engram.store.search.ScoredEntity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * The explorer's reads, each within the caller's access: an entity shows only if a readable chunk mentions it,
 * an edge only through readable provenance, and chunk counts count readable chunks only.
 */
@Component
public class GraphQueries {
    /** Most entity hits asked for in one search ({@code k}). */
    public static final int MAX_SEARCH_K = 100;
    /** Most edges asked for around one entity. */
    public static final int MAX_NEIGHBOURHOOD_LIMIT = 1000;

    private final EngramRuntime runtime;
    private final EntitySearch entities;
    private final InputLimits limits;

    GraphQueries(EngramRuntime runtime, InputLimits limits) {
        this.runtime = runtime;
        this.entities = new EntitySearch(runtime.store());
        this.limits = limits;
    }

    /** Longest path searched for, in RELATION edges ({@link InputLimits#hops()}). */
    public int maxHops() {
        return limits.hops();
    }

    /** Entities matching {@code q} by name (full-text) and by meaning (vector), best first, each once. */
    public List<EntityHit> searchEntities(String q, int k, AccessFilter access) {
        if (q == null || q.isBlank()) {
            throw ApiException.badRequest("q must not be empty");
        }
        if (q.length() > limits.questionChars()) {
            throw ApiException.badRequest("q has " + q.length() + " characters; the limit is " + limits.questionChars()
                    + " (ENGRAM_MAX_QUESTION_CHARS)");
        }
        bounded("k", k, 1, MAX_SEARCH_K);
        Map<String, EntityHit> hits = new LinkedHashMap<>();
        for (ScoredEntity e : entities.entityByName(q, k, access)) {
            hits.putIfAbsent(e.id(), new EntityHit(e.id(), e.name(), e.score(), e.chunkCount(), "name"));
        }
        float[] vector = runtime.embedder().embedQuery(q);
        for (ScoredEntity e : entities.entityByVector(vector, k, access)) {
            // a meaning match is offered only when it is as close as a synonym: below that it pads the list with
            // unrelated names and hides that nothing matched
            if (e.score() >= SynonymLinker.DEFAULT_THRESHOLD) {
                hits.putIfAbsent(e.id(), new EntityHit(e.id(), e.name(), e.score(), e.chunkCount(), "vector"));
            }
        }
        // name hits first (an exact name is what an explorer user typed), then vector hits by similarity
        return hits.values().stream().limit(2L * k).toList();
    }

    /** An entity, up to {@code limit} readable edges around it, and readable chunks mentioning it. */
    public Neighbourhood neighbourhood(String id, int limit, AccessFilter access) {
        bounded("limit", limit, 1, MAX_NEIGHBOURHOOD_LIMIT);
        Map<String, Object> params = idParams(id, access);
        params.put("limit", limit + 1);
        return read(tx -> {
            Record center = found(tx.run("MATCH (e:Entity {id: $id}) WHERE " + AccessCypher.entity("e")
                    + " RETURN e.id AS id, e.name AS name, " + chunkCount("e") + " AS chunkCount", params),
                    "entity", id);
            List<Record> rows = tx.run("""
                    MATCH (e:Entity {id: $id})-[r:RELATION|SYNONYM]-(n:Entity)
                    WHERE (type(r) = 'RELATION' AND %s) OR (type(r) = 'SYNONYM' AND %s)
                    WITH e, r, n ORDER BY coalesce(r.weight, r.score, 0) DESC LIMIT $limit
                    RETURN startNode(r).id AS source, endNode(r).id AS target, type(r) AS type, r.predicate AS predicate,
                           coalesce(r.weight, r.score, 0.0) AS weight, %s AS chunkIds,
                           n.id AS nid, n.name AS nname, %s AS ncount
                    """.formatted(AccessCypher.relation("r"), AccessCypher.entity("n"), readableChunkIds("r"),
                    chunkCount("n")), params).list();
            boolean truncated = rows.size() > limit;
            List<Edge> edges = new ArrayList<>();
            Map<String, EntityNode> nodes = new LinkedHashMap<>();
            for (Record r : rows.subList(0, Math.min(limit, rows.size()))) {
                edges.add(edge(r));
                nodes.putIfAbsent(r.get("nid").asString(), new EntityNode(r.get("nid").asString(),
                        r.get("nname").asString(null), r.get("ncount").asLong()));
            }
            List<ChunkRef> chunks = tx.run("MATCH (c:Chunk)-[:MENTIONS]->(:Entity {id: $id}) WHERE "
                    + AccessCypher.readable("c") + """
                     OPTIONAL MATCH (c)-[:PART_OF]->(d:Document)
                    RETURN c.id AS id, c.documentId AS documentId, d.title AS title, c.index AS index
                    ORDER BY id LIMIT $limit
                    """, params).list(r -> new ChunkRef(r.get("id").asString(), r.get("documentId").asString(null),
                    r.get("title").asString(null), r.get("index").asInt(0)));
            return new Neighbourhood(new EntityNode(center.get("id").asString(), center.get("name").asString(null),
                    center.get("chunkCount").asLong()), List.copyOf(nodes.values()), edges, chunks, truncated);
        });
    }

    /** Shortest paths of at most {@code maxHops} RELATION edges, in either direction, through readable provenance. */
    public List<GraphPath> paths(String from, String to, int maxHops, AccessFilter access) {
        limits.hops(maxHops);
        int maxPaths = limits.paths();
        Map<String, Object> params = AccessCypher.params(access);
        params.put("from", from);
        params.put("to", to);
        params.put("maxPaths", maxPaths);
        // a variable-length bound cannot be a parameter; maxHops is a checked int, so formatting it in is safe
        String query = """
                MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
                WHERE %s AND %s
                MATCH p = allShortestPaths((a)-[:RELATION*..%d]-(b))
                WHERE all(r IN relationships(p) WHERE %s)
                RETURN [n IN nodes(p) | {id: n.id, name: n.name, count: %s}] AS nodes,
                       [r IN relationships(p) | {source: startNode(r).id, target: endNode(r).id, predicate: r.predicate,
                        weight: coalesce(r.weight, 0.0), chunkIds: %s}] AS edges
                LIMIT $maxPaths
                """.formatted(AccessCypher.entity("a"), AccessCypher.entity("b"), maxHops,
                AccessCypher.relation("r"),
                chunkCount("n"), readableChunkIds("r"));
        return read(tx -> tx.run(query, params).list(r -> new GraphPath(
                r.get("nodes").asList(n -> new EntityNode(n.get("id").asString(), n.get("name").asString(null),
                        n.get("count").asLong())),
                r.get("edges").asList(e -> new Edge(e.get("source").asString(), e.get("target").asString(),
                        "RELATION", e.get("predicate").asString(null), e.get("weight").asDouble(),
                        e.get("chunkIds").asList(Value::asString))))));
    }

    /** A readable document with its chunks in reading (NEXT) order. */
    public DocumentView document(String id, AccessFilter access) {
        Map<String, Object> params = idParams(id, access);
        return read(tx -> {
            Record d = found(tx.run("MATCH (d:Document {id: $id}) WHERE " + AccessCypher.readable("d")
                    + " RETURN d.id AS id, d.title AS title, d.source AS source, d.tenant AS tenant, d.acl AS acl,"
                    + " toString(d.ingestedAt) AS ingestedAt", params), "document", id);
            // index follows the NEXT chain (the writer links chunk i to i+1), and sorts without walking it
            List<ChunkText> chunks = tx.run("MATCH (c:Chunk)-[:PART_OF]->(:Document {id: $id}) WHERE "
                    + AccessCypher.readable("c") + " RETURN c.id AS id, c.index AS index, c.text AS text,"
                    + " c.tokenCount AS tokens ORDER BY c.index", params).list(r -> new ChunkText(
                    r.get("id").asString(), r.get("index").asInt(0), r.get("text").asString(null),
                    r.get("tokens").asInt(0)));
            return new DocumentView(d.get("id").asString(), d.get("title").asString(null),
                    d.get("source").asString(null), d.get("tenant").asString(null),
                    d.get("acl").isNull() ? List.of() : d.get("acl").asList(Value::asString),
                    d.get("ingestedAt").asString(null), chunks);
        });
    }

    /** A readable chunk with the entities it mentions and the triples it supports. */
    public ChunkView chunk(String id, AccessFilter access) {
        Map<String, Object> params = idParams(id, access);
        return read(tx -> {
            Record c = found(tx.run("MATCH (c:Chunk {id: $id}) WHERE " + AccessCypher.readable("c")
                    + " OPTIONAL MATCH (c)-[:PART_OF]->(d:Document)"
                    + " RETURN c.id AS id, c.documentId AS documentId, d.title AS title, c.index AS index,"
                    + " c.text AS text", params), "chunk", id);
            List<EntityNode> mentioned = tx.run("MATCH (:Chunk {id: $id})-[:MENTIONS]->(e:Entity) RETURN e.id AS id,"
                    + " e.name AS name, " + chunkCount("e") + " AS n ORDER BY e.name", params).list(r ->
                    new EntityNode(r.get("id").asString(), r.get("name").asString(null), r.get("n").asLong()));
            List<Edge> triples = tx.run("""
                    MATCH (:Chunk {id: $id})-[:MENTIONS]->(s:Entity)-[r:RELATION]->(o:Entity)
                    WHERE $id IN r.chunkIds
                    RETURN s.id AS source, o.id AS target, 'RELATION' AS type, r.predicate AS predicate,
                           coalesce(r.weight, 0.0) AS weight, %s AS chunkIds
                    """.formatted(readableChunkIds("r")), params).list(GraphQueries::edge);
            return new ChunkView(c.get("id").asString(), c.get("documentId").asString(null),
                    c.get("title").asString(null), c.get("index").asInt(0), c.get("text").asString(null),
                    mentioned, triples);
        });
    }

    /** The caller's access parameters with {@code $id} bound. */
    private static Map<String, Object> idParams(String id, AccessFilter access) {
        Map<String, Object> params = AccessCypher.params(access);
        params.put("id", id);
        return params;
    }

    /** Runs {@code work} in one read transaction of a session of its own. */
    private <T> T read(TransactionCallback<T> work) {
        try (Session session = runtime.store().session()) {
            return session.executeRead(work);
        }
    }

    /** The first record of a lookup by id, or 404 naming what was looked for. */
    private static Record found(Result lookup, String what, String id) {
        return lookup.list().stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("no " + what + " with id '" + id + "'"));
    }

    /** Refuses with 400 unless {@code min <= value <= max}, naming the parameter. */
    public static void bounded(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw ApiException.badRequest(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }

    private static Edge edge(Record r) {
        return new Edge(r.get("source").asString(), r.get("target").asString(), r.get("type").asString(),
                r.get("predicate").asString(null), r.get("weight").asDouble(),
                r.get("chunkIds").isNull() ? List.of() : r.get("chunkIds").asList(Value::asString));
    }

    /** Cypher for entity {@code e}'s chunk count, counting only chunks the caller may read. */
    public static String chunkCount(String e) {
        return "CASE WHEN $unrestricted THEN coalesce(" + e + ".chunkCount, 0) ELSE COUNT { MATCH (cc:Chunk)-[:MENTIONS]->("
                + e + ") WHERE " + AccessCypher.readable("cc") + " } END";
    }

    /** Cypher for relation {@code r}'s provenance chunk ids, keeping only chunks the caller may read. */
    public static String readableChunkIds(String r) {
        return "CASE WHEN " + r + ".chunkIds IS NULL THEN [] WHEN $unrestricted THEN " + r + ".chunkIds ELSE [cid IN "
                + r + ".chunkIds WHERE EXISTS { MATCH (xc:Chunk {id: cid}) WHERE " + AccessCypher.readable("xc") + " }] END";
    }
}
