package dev.engram.store.lookup;

import dev.engram.records.document.PassagePlace;
import dev.engram.store.neo4j.GraphStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;

/** Fetches chunks by id, with their reading-order neighbours for sentence-window expansion. */
public final class ChunkLookup {
    /**
     * A chunk with its document title, the text of the chunks before and after it (empty at the ends) and its
     * place (pages, section path).
     */
    public record ChunkText(String chunkId, String documentId, String title, String text, String previousText,
                            String nextText, PassagePlace place) {
        public ChunkText {
            place = place == null ? PassagePlace.NONE : place;
        }

        /** A chunk of a document without pages or sections. */
        public ChunkText(String chunkId, String documentId, String title, String text, String previousText, String nextText) {
            this(chunkId, documentId, title, text, previousText, nextText, PassagePlace.NONE);
        }
    }

    private final GraphStore store;

    /** A lookup over a store. */
    public ChunkLookup(GraphStore store) {
        this.store = store;
    }

    /** The chunks with these ids that exist, keyed by id. */
    public Map<String, ChunkText> byIds(List<String> chunkIds) {
        Map<String, ChunkText> out = new HashMap<>();
        if (chunkIds.isEmpty()) {
            return out;
        }
        try (Session session = store.session()) {
            session.run("""
                    UNWIND $ids AS id
                    MATCH (c:Chunk {id: id})
                    OPTIONAL MATCH (c)-[:PART_OF]->(d:Document)
                    OPTIONAL MATCH (p:Chunk)-[:NEXT]->(c)
                    OPTIONAL MATCH (c)-[:NEXT]->(n:Chunk)
                    RETURN c.id AS id, c.documentId AS doc, coalesce(d.title, '') AS title, c.text AS text,
                           coalesce(p.text, '') AS prev, coalesce(n.text, '') AS next, %s AS place
                    """.formatted(ChunkPlaces.cypher("c")), Values.parameters("ids", chunkIds)).stream().forEach(r -> out.put(r.get("id").asString(),
                    new ChunkText(r.get("id").asString(), r.get("doc").asString(null), r.get("title").asString(),
                            r.get("text").asString(""), r.get("prev").asString(), r.get("next").asString(),
                            ChunkPlaces.of(r.get("place")))));
        }
        return out;
    }

    /** The stored embeddings of the chunks with these ids that exist and have one, keyed by id. */
    public Map<String, float[]> vectors(List<String> chunkIds) {
        Map<String, float[]> out = new HashMap<>();
        if (chunkIds.isEmpty()) {
            return out;
        }
        try (Session session = store.session()) {
            session.run("""
                    UNWIND $ids AS id
                    MATCH (c:Chunk {id: id}) WHERE c.embedding IS NOT NULL
                    RETURN c.id AS id, c.embedding AS embedding
                    """, Values.parameters("ids", chunkIds)).stream().forEach(r -> {
                List<Float> v = r.get("embedding").asList(Value::asFloat);
                float[] a = new float[v.size()];
                for (int i = 0; i < a.length; i++) a[i] = v.get(i);
                out.put(r.get("id").asString(), a);
            });
        }
        return out;
    }
}
