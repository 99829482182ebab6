package dev.engram.app.server.overview;

import dev.engram.app.runtime.EngramRuntime;
import dev.engram.app.server.ApiException;
import dev.engram.app.server.graph.GraphQueries;
import dev.engram.app.server.graph.GraphRecords.Edge;
import dev.engram.app.server.graph.GraphRecords.EntityNode;
import dev.engram.app.server.overview.OverviewRecords.Evidence;
import dev.engram.app.server.overview.OverviewRecords.FactRef;
import dev.engram.app.server.overview.OverviewRecords.Figures;
import dev.engram.app.server.overview.OverviewRecords.Overview;
import dev.engram.app.server.overview.OverviewRecords.Sentence;
import dev.engram.store.lookup.ChunkPlaces;
import dev.engram.store.search.AccessCypher;
import dev.engram.store.search.AccessFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * The first screen's reads and the supporting sentences of facts, within the caller's access: figures count what
 * the caller may read, an entity shows only if a readable chunk mentions it, a sentence only from a readable chunk.
 */
@Component
public class OverviewQueries {
    /** Most entities on the overview. */
    public static final int MAX_OVERVIEW = 200;
    /** Most facts in one evidence request. */
    public static final int MAX_FACTS = 100;
    /** Most chunks read per fact (the first ones of its provenance). */
    public static final int CHUNKS_PER_FACT = 3;

    private final EngramRuntime runtime;

    OverviewQueries(EngramRuntime runtime) {
        this.runtime = runtime;
    }

    /** The figures and the {@code limit} most central entities (mentions plus relations) with the relations among them. */
    public Overview overview(int limit, AccessFilter access) {
        GraphQueries.bounded("limit", limit, 1, MAX_OVERVIEW);
        Map<String, Object> params = AccessCypher.params(access);
        params.put("limit", limit);
        try (Session session = runtime.store().session()) {
            return session.executeRead(tx -> {
                // an unrestricted caller reads Neo4j's count store; a restricted one counts what it may read
                boolean all = access.isUnrestricted();
                Record docs = tx.run("MATCH (d:Document)" + where(all, AccessCypher.readable("d"))
                        + " RETURN count(d) AS n, toString(max(d.ingestedAt)) AS last", params).single();
                long chunks = count(tx, "MATCH (c:Chunk)" + where(all, AccessCypher.readable("c")), params);
                long entities = count(tx, "MATCH (e:Entity)" + where(all, AccessCypher.entity("e")), params);
                long relations = count(tx, "MATCH ()-[r:RELATION]->()" + where(all, AccessCypher.relation("r")), params);
                List<EntityNode> top = tx.run("""
                        MATCH (e:Entity) %s
                        WITH e, %s AS mentions, COUNT { (e)-[:RELATION]-() } AS degree
                        ORDER BY mentions + degree DESC, e.name LIMIT $limit
                        RETURN e.id AS id, e.name AS name, mentions
                        """.formatted(where(all, AccessCypher.entity("e")), all ? "coalesce(e.chunkCount, 0)"
                        : GraphQueries.chunkCount("e")), params)
                        .list(r -> new EntityNode(r.get("id").asString(), r.get("name").asString(null), r.get("mentions").asLong()));
                params.put("ids", top.stream().map(EntityNode::id).toList());
                List<Edge> edges = tx.run("""
                        MATCH (a:Entity)-[r:RELATION]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids AND %s
                        RETURN a.id AS source, b.id AS target, r.predicate AS predicate, coalesce(r.weight, 0.0) AS weight,
                               %s AS chunkIds
                        ORDER BY weight DESC LIMIT 400
                        """.formatted(AccessCypher.relation("r"), GraphQueries.readableChunkIds("r")), params)
                        .list(r -> new Edge(r.get("source").asString(), r.get("target").asString(), "RELATION",
                                r.get("predicate").asString(null), r.get("weight").asDouble(),
                                r.get("chunkIds").asList(Value::asString)));
                return new Overview(new Figures(docs.get("n").asLong(), chunks, entities, relations,
                        docs.get("last").asString(null)), top, edges);
            });
        }
    }

    /** For each fact, the supporting sentence of each of its first readable provenance chunks. */
    public List<Evidence> evidence(List<FactRef> facts, AccessFilter access) {
        if (facts == null || facts.isEmpty()) {
            return List.of();
        }
        if (facts.size() > MAX_FACTS) {
            throw ApiException.badRequest("at most " + MAX_FACTS + " facts per request, got " + facts.size());
        }
        Map<String, Object> params = AccessCypher.params(access);
        try (Session session = runtime.store().session()) {
            return session.executeRead(tx -> {
                List<Evidence> out = new ArrayList<>(facts.size());
                for (FactRef f : facts) {
                    List<String> chunkIds = f.chunkIds() == null ? List.of()
                            : f.chunkIds().stream().limit(20).toList();
                    params.put("chunkIds", chunkIds);
                    params.put("ends", java.util.Arrays.asList(f.source(), f.target()));
                    List<Sentence> sentences = tx.run("""
                            UNWIND range(0, size($chunkIds) - 1) AS i
                            MATCH (c:Chunk {id: $chunkIds[i]}) WHERE %s
                            WITH i, c ORDER BY i LIMIT %d
                            OPTIONAL MATCH (c)-[:PART_OF]->(d:Document)
                            RETURN c.id AS id, c.documentId AS documentId, d.title AS title, c.index AS index, c.text AS text,
                                   %s AS place, [(c)-[:MENTIONS]->(e:Entity) WHERE e.id IN $ends | e.name] AS names
                            """.formatted(AccessCypher.readable("c"), CHUNKS_PER_FACT, ChunkPlaces.cypher("c")), params).list(r -> {
                        List<String> names = r.get("names").asList(Value::asString);
                        return new Sentence(r.get("id").asString(), r.get("documentId").asString(null),
                                r.get("title").asString(null), r.get("index").asInt(0), ChunkPlaces.of(r.get("place")).label(),
                                SupportingSentence.pick(r.get("text").asString(""), names, f.predicate()), names);
                    });
                    out.add(new Evidence(sentences));
                }
                return out;
            });
        }
    }

    private static String where(boolean all, String predicate) {
        return all ? "" : " WHERE " + predicate;
    }

    private static long count(org.neo4j.driver.TransactionContext tx, String match, Map<String, Object> params) {
        return tx.run(match + " RETURN count(*) AS n", params).single().get("n").asLong();
    }
}
