package dev.engram.store.search;

import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.schema.IndexNames;
import java.util.List;

/**
 * Links text to entities by embedding or by name. With an access filter, an entity is found only if a readable
 * chunk mentions it, and its chunk count counts only readable chunks, so hidden documents leak nothing.
 */
public record EntitySearch(GraphStore store) {

    private static final NodeIndexSearch<ScoredEntity> SEARCH = new NodeIndexSearch<>("e", """
            WHERE $unrestricted OR EXISTS { MATCH (c:Chunk)-[:MENTIONS]->(e) WHERE %1$s }
            RETURN collect({id: e.id, name: e.name, score: score,
                            chunkCount: CASE WHEN $unrestricted THEN coalesce(e.chunkCount, 0)
                                        ELSE COUNT { MATCH (c:Chunk)-[:MENTIONS]->(e) WHERE %1$s } END}) AS results
            """.formatted(AccessCypher.readable("c")),
            (v, score) -> new ScoredEntity(v.get("id").asString(), v.get("name").asString(null), score,
                    v.get("chunkCount").asLong(0)),
            ScoredEntity::score);

    /** The k entities nearest to a vector, scored by cosine similarity. */
    public List<ScoredEntity> entityByVector(float[] vector, int k) {
        return entityByVector(vector, k, AccessFilter.ALL);
    }

    /** The k entities nearest to a vector that a readable chunk mentions, scored by cosine similarity. */
    public List<ScoredEntity> entityByVector(float[] vector, int k, AccessFilter filter) {
        return SEARCH.byVector(store, IndexNames.ENTITY_EMBEDDING, vector, k, filter);
    }

    /** The k entities whose names best match the text (full-text, Lucene syntax taken literally). */
    public List<ScoredEntity> entityByName(String text, int k) {
        return entityByName(text, k, AccessFilter.ALL);
    }

    /** The k entities whose names best match the text, among those a readable chunk mentions. */
    public List<ScoredEntity> entityByName(String text, int k, AccessFilter filter) {
        return SEARCH.byText(store, IndexNames.ENTITY_NAME, text, k, filter);
    }
}
