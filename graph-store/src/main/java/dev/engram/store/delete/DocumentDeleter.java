package dev.engram.store.delete;

import dev.engram.store.neo4j.Batches;
import dev.engram.store.neo4j.GraphStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;

/**
 * Removes documents, or just their chunks and sections, with everything only they support: their provenance on
 * relations, relations left without provenance, and entities no chunk mentions any more.
 */
public record DocumentDeleter(GraphStore store) {

    /** Deletes a document and all it alone supports; false when no such document (nor chunk of it) exists. */
    public boolean delete(String documentId) {
        int chunks = clearChunks(List.of(documentId));
        try (Session session = store.session()) {
            long documents = session.executeWrite(tx -> tx.run(
                    "MATCH (d:Document {id: $id}) DETACH DELETE d RETURN count(*) AS n", Map.of("id", documentId))
                    .single().get("n").asLong());
            return documents > 0 || chunks > 0;
        }
    }

    /**
     * Removes the chunks and sections of these documents and their knowledge-graph provenance, keeping the Document nodes
     * (used before a changed or half-written document is written again); returns the number of chunks removed.
     */
    public int clearChunks(Collection<String> documentIds) {
        if (documentIds.isEmpty()) {
            return 0;
        }
        try (Session session = store.session()) {
            List<String> chunkIds = new ArrayList<>();
            for (List<String> ids : Batches.of(documentIds)) {
                chunkIds.addAll(session.executeRead(tx -> tx.run(
                        "UNWIND $ids AS id MATCH (c:Chunk {documentId: id}) RETURN c.id AS id", Map.of("ids", ids))
                        .list(r -> r.get("id").asString())));
            }
            // each slice commits on its own: a crash leaves fewer chunks, all still consistent, and a retry finishes
            for (List<String> slice : Batches.of(chunkIds)) {
                session.executeWriteWithoutResult(tx -> removeChunks(tx, slice));
            }
            for (List<String> ids : Batches.of(documentIds)) {
                session.executeWriteWithoutResult(tx -> tx.run(
                        "UNWIND $ids AS id MATCH (s:Section {documentId: id}) DETACH DELETE s", Map.of("ids", ids)).consume());
            }
            return chunkIds.size();
        }
    }

    private static void removeChunks(TransactionContext tx, List<String> chunkIds) {
        Map<String, Object> params = Map.of("chunkIds", chunkIds);
        // a fact's chunk always mentions the fact's subject, so relations are reached from the chunk, never by scan
        tx.run("""
                UNWIND $chunkIds AS cid
                MATCH (:Chunk {id: cid})-[:MENTIONS]->(:Entity)-[r:RELATION]->()
                WHERE cid IN r.chunkIds
                WITH DISTINCT r
                SET r.chunkIds = [x IN r.chunkIds WHERE NOT x IN $chunkIds]
                SET r.weight = size(r.chunkIds)
                WITH r WHERE r.weight = 0
                DELETE r
                """, params).consume();
        List<String> entityIds = tx.run("""
                UNWIND $chunkIds AS cid
                MATCH (c:Chunk {id: cid})
                OPTIONAL MATCH (c)-[:MENTIONS]->(e:Entity)
                WITH collect(DISTINCT e.id) AS entityIds, collect(DISTINCT c) AS chunks
                FOREACH (c IN chunks | DETACH DELETE c)
                RETURN entityIds
                """, params).single().get("entityIds").asList(v -> v.asString());
        tx.run("""
                UNWIND $entityIds AS id
                MATCH (e:Entity {id: id})
                SET e.chunkCount = COUNT { (e)<-[:MENTIONS]-(:Chunk) }
                WITH e WHERE e.chunkCount = 0
                DETACH DELETE e
                """, Map.of("entityIds", entityIds)).consume();
    }
}
