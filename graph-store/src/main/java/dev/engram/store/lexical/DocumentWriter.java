package dev.engram.store.lexical;

import dev.engram.records.document.SourceDocument;
import dev.engram.records.document.TextChunk;
import dev.engram.store.delete.DocumentDeleter;
import dev.engram.store.neo4j.Batches;
import dev.engram.store.neo4j.GraphStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Session;

/**
 * Writes the lexical graph (documents, chunks, PART_OF, NEXT, FIRST) in batched, idempotent transactions.
 * A document counts as complete only once {@link #markComplete} has stored its hash, after all its lexical
 * and knowledge writes; until then {@link #existingHashes} does not report it and the next write redoes it.
 */
public final class DocumentWriter {

    /** Properties Engram owns on a Document; metadata keys that collide are stored as {@code meta_<key>}. */
    private static final Set<String> RESERVED = Set.of(
            "id", "title", "source", "sha256", "pendingSha256", "tenant", "acl", "ingestedAt");

    private final GraphStore store;
    private final DocumentDeleter deleter;

    /** A writer for one store. */
    public DocumentWriter(GraphStore store) {
        this.store = store;
        this.deleter = new DocumentDeleter(store);
    }

    /** The content hashes of those of these documents that are completely written, by document id. */
    public Map<String, String> existingHashes(Collection<String> documentIds) {
        Map<String, String> hashes = new HashMap<>();
        try (Session session = store.session()) {
            for (List<String> ids : Batches.of(List.copyOf(documentIds))) {
                session.executeRead(tx -> tx.run("""
                        UNWIND $ids AS id
                        MATCH (d:Document {id: id}) WHERE d.sha256 IS NOT NULL
                        RETURN d.id AS id, d.sha256 AS sha256
                        """, Map.of("ids", ids)).list())
                        .forEach(r -> hashes.put(r.get("id").asString(), r.get("sha256").asString()));
            }
        }
        return hashes;
    }

    /**
     * Writes documents and their chunks. A document already complete with the same hash is left untouched; one
     * that changed, or was left half-written, first loses its old chunks and their knowledge-graph provenance.
     */
    public LexicalWriteSummary write(List<DocumentRecord> documents) {
        Map<String, DocumentRecord> byId = new LinkedHashMap<>();
        documents.forEach(d -> byId.put(d.id(), d)); // the last record of an id wins
        Map<String, String> complete = existingHashes(byId.keySet());
        List<DocumentRecord> toWrite = new ArrayList<>();
        int unchanged = 0;
        for (DocumentRecord d : byId.values()) {
            if (d.sha256().equals(complete.get(d.id()))) {
                unchanged++;
            } else {
                toWrite.add(d);
            }
        }
        if (toWrite.isEmpty()) {
            return new LexicalWriteSummary(0, unchanged, 0, 0);
        }
        List<String> ids = toWrite.stream().map(DocumentRecord::id).toList();
        int replaced = countExisting(ids);
        deleter.clearChunks(ids);
        int chunks = 0;
        try (Session session = store.session()) {
            for (List<DocumentRecord> slice : Batches.of(toWrite)) {
                List<Map<String, Object>> rows = slice.stream().map(DocumentWriter::documentRow).toList();
                session.executeWriteWithoutResult(tx -> tx.run("""
                        UNWIND $rows AS row
                        MERGE (d:Document {id: row.id})
                        SET d = row.props
                        SET d.ingestedAt = datetime()
                        """, Map.of("rows", rows)).consume());
            }
            List<Map<String, Object>> chunkRows = new ArrayList<>();
            List<Map<String, Object>> nextRows = new ArrayList<>();
            List<Map<String, Object>> firstRows = new ArrayList<>();
            for (DocumentRecord d : toWrite) {
                addChunkRows(d, chunkRows, nextRows, firstRows);
            }
            for (List<Map<String, Object>> slice : Batches.of(chunkRows)) {
                session.executeWriteWithoutResult(tx -> tx.run("""
                        UNWIND $rows AS row
                        MATCH (d:Document {id: row.documentId})
                        MERGE (c:Chunk {id: row.id})
                        SET c = row.props
                        MERGE (c)-[:PART_OF]->(d)
                        WITH c, row WHERE row.embedding IS NOT NULL
                        CALL db.create.setNodeVectorProperty(c, 'embedding', row.embedding)
                        """, Map.of("rows", slice)).consume());
            }
            // links only after every chunk exists: a document's chunks may span several transactions
            for (List<Map<String, Object>> slice : Batches.of(nextRows)) {
                session.executeWriteWithoutResult(tx -> tx.run("""
                        UNWIND $rows AS row
                        MATCH (a:Chunk {id: row.from}), (b:Chunk {id: row.to})
                        MERGE (a)-[:NEXT]->(b)
                        """, Map.of("rows", slice)).consume());
            }
            for (List<Map<String, Object>> slice : Batches.of(firstRows)) {
                session.executeWriteWithoutResult(tx -> tx.run("""
                        UNWIND $rows AS row
                        MATCH (d:Document {id: row.documentId}), (c:Chunk {id: row.chunkId})
                        MERGE (d)-[:FIRST]->(c)
                        """, Map.of("rows", slice)).consume());
            }
            chunks = chunkRows.size();
        }
        return new LexicalWriteSummary(toWrite.size(), unchanged, replaced, chunks);
    }

    /** Records these documents as completely written (lexical and knowledge graph), making their hashes visible. */
    public void markComplete(Collection<String> documentIds) {
        try (Session session = store.session()) {
            for (List<String> ids : Batches.of(List.copyOf(documentIds))) {
                session.executeWriteWithoutResult(tx -> tx.run("""
                        UNWIND $ids AS id
                        MATCH (d:Document {id: id}) WHERE d.pendingSha256 IS NOT NULL
                        SET d.sha256 = d.pendingSha256
                        REMOVE d.pendingSha256
                        """, Map.of("ids", ids)).consume());
            }
        }
    }

    private int countExisting(List<String> ids) {
        try (Session session = store.session()) {
            int n = 0;
            for (List<String> slice : Batches.of(ids)) {
                n += session.executeRead(tx -> tx.run(
                        "UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN count(d) AS n", Map.of("ids", slice))
                        .single().get("n").asInt());
            }
            return n;
        }
    }

    private static Map<String, Object> documentRow(DocumentRecord record) {
        SourceDocument doc = record.document();
        Map<String, Object> props = new HashMap<>();
        doc.metadata().forEach((key, value) -> {
            Object property = asProperty(value);
            if (key != null && !key.isBlank() && property != null) {
                props.put(RESERVED.contains(key) ? "meta_" + key : key, property);
            }
        });
        props.put("id", doc.id());
        putIfNotNull(props, "title", doc.title());
        putIfNotNull(props, "source", doc.source());
        putIfNotNull(props, "tenant", record.tenant());
        props.put("acl", record.acl());
        // the hash becomes sha256 only in markComplete, once every write of the document is done
        props.put("pendingSha256", record.sha256());
        return Map.of("id", doc.id(), "props", props);
    }

    private static void addChunkRows(DocumentRecord d, List<Map<String, Object>> chunkRows,
                                     List<Map<String, Object>> nextRows, List<Map<String, Object>> firstRows) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < d.chunks().size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> d.chunks().get(i).index()));
        String previous = null;
        for (int i : order) {
            TextChunk chunk = d.chunks().get(i);
            Map<String, Object> props = new HashMap<>();
            props.put("id", chunk.id());
            props.put("documentId", d.id());
            props.put("index", chunk.index());
            props.put("text", chunk.text());
            props.put("tokenCount", chunk.tokenCount());
            props.put("start", chunk.start());
            props.put("end", chunk.end());
            putIfNotNull(props, "tenant", d.tenant());
            props.put("acl", d.acl());
            Map<String, Object> row = new HashMap<>();
            row.put("id", chunk.id());
            row.put("documentId", d.id());
            row.put("props", props);
            row.put("embedding", d.chunkEmbeddings().isEmpty() ? null : d.chunkEmbeddings().get(i));
            chunkRows.add(row);
            if (previous == null) {
                firstRows.add(Map.of("documentId", d.id(), "chunkId", chunk.id()));
            } else {
                nextRows.add(Map.of("from", previous, "to", chunk.id()));
            }
            previous = chunk.id();
        }
    }

    /** Neo4j stores only primitives and homogeneous lists of them; anything else in metadata is skipped. */
    private static Object asProperty(Object value) {
        if (value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof Integer
                || value instanceof Double || value instanceof Float || value instanceof Short || value instanceof Byte) {
            return value;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Collection<?> list && !list.isEmpty()) {
            Class<?> type = null;
            for (Object item : list) {
                if (!(item instanceof String || item instanceof Boolean || item instanceof Long || item instanceof Integer
                        || item instanceof Double)) {
                    return null;
                }
                Class<?> itemType = item instanceof Integer ? Long.class : item.getClass();
                if (type != null && type != itemType) {
                    return null;
                }
                type = itemType;
            }
            return List.copyOf(list);
        }
        return null;
    }

    private static void putIfNotNull(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
