package dev.engram.store.search;

import dev.engram.store.lookup.ChunkPlaces;
import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.schema.IndexNames;
import java.util.List;

/** Finds chunks by embedding (vector index) or by words (Lucene BM25 full-text index), within what a reader may see. */
public record ChunkSearch(GraphStore store) {

    private static final NodeIndexSearch<ScoredChunk> SEARCH = new NodeIndexSearch<>("c", """
            WHERE %s
            OPTIONAL MATCH (c)-[:PART_OF]->(d:Document)
            RETURN collect({id: c.id, documentId: c.documentId, index: c.index, text: c.text, title: d.title,
                            score: score, place: %s}) AS results
            """.formatted(AccessCypher.readable("c"), ChunkPlaces.cypher("c")),
            (v, score) -> new ScoredChunk(v.get("id").asString(), v.get("documentId").asString(null),
                    v.get("title").asString(null), v.get("text").asString(null), v.get("index").asInt(0), score,
                    ChunkPlaces.of(v.get("place"))),
            ScoredChunk::score);

    /** The k readable chunks nearest to a query vector, scored by cosine similarity. */
    public List<ScoredChunk> dense(float[] queryVector, int k, AccessFilter filter) {
        return SEARCH.byVector(store, IndexNames.CHUNK_EMBEDDING, queryVector, k, filter);
    }

    /** The k readable chunks best matching free text by BM25; Lucene syntax in the text is taken literally. */
    public List<ScoredChunk> fullText(String text, int k, AccessFilter filter) {
        return SEARCH.byText(store, IndexNames.CHUNK_TEXT, text, k, filter);
    }
}
