package dev.engram.store.search;

import dev.engram.store.neo4j.GraphStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/**
 * The relations around given entities whose predicate contains one of some cue words (a question's "the director of
 * X" looks for X's relations saying "direct"). With an access filter a relation is found only through chunks the
 * reader may see, and lists only those chunks, so hidden documents leak nothing.
 */
public record RelationSearch(GraphStore store) {
    /** Most relations one call returns. */
    public static final int MAX_RESULTS = 200;

    private static final String QUERY = """
            UNWIND $ids AS id
            MATCH (e:Entity {id: id})-[r:RELATION]-(o:Entity)
            WHERE any(cue IN $cues WHERE toLower(r.predicate) CONTAINS cue)
            WITH e, r, o, CASE WHEN $unrestricted THEN r.chunkIds
                 ELSE [cid IN r.chunkIds WHERE EXISTS { MATCH (c:Chunk {id: cid}) WHERE %s }] END AS chunks
            WHERE size(chunks) > 0
            RETURN e.id AS entity, r.predicate AS predicate, startNode(r) = e AS outgoing, o.id AS other,
                   o.name AS otherName, coalesce(r.weight, 1.0) AS weight, chunks
            ORDER BY weight DESC, other
            LIMIT $limit
            """.formatted(AccessCypher.readable("c"));

    /** The readable relations of {@code entityIds} whose lower-cased predicate contains one of {@code cues}. */
    public List<EntityRelation> around(List<String> entityIds, List<String> cues, AccessFilter filter, int limit) {
        if (entityIds.isEmpty() || cues.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = AccessCypher.params(filter);
        params.put("ids", List.copyOf(entityIds));
        params.put("cues", cues.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList());
        params.put("limit", Math.max(1, Math.min(limit, MAX_RESULTS)));
        try (Session session = store.session()) {
            return session.executeRead(tx -> tx.run(QUERY, params).list(r -> new EntityRelation(
                    r.get("entity").asString(), r.get("predicate").asString(""), r.get("outgoing").asBoolean(),
                    r.get("other").asString(), r.get("otherName").asString(null), r.get("weight").asDouble(),
                    r.get("chunks").asList(Value::asString))));
        }
    }
}
