package dev.engram.store.lexical;

import dev.engram.records.document.DocumentLayout;
import dev.engram.records.document.DocumentSection;
import dev.engram.records.document.SourceDocument;
import dev.engram.records.document.TextChunk;
import dev.engram.store.delete.DocumentDeleter;
import dev.engram.store.neo4j.Batches;
import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.neo4j.StablePlans;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.neo4j.driver.Session;

/**
 * Writes the lexical graph (documents, chunks, PART_OF, NEXT, FIRST) in batched, idempotent transactions.
 * A document counts as complete only once {@link #markComplete} has stored its hash, after all its lexical
 * and knowledge writes; until then {@link #existingHashes} does not report it and the next write redoes it.
 *
 * <p>A document belongs to exactly one tenant (or to none: the public corpus). This writer is the one way documents
 * enter the graph (ingest, uploads, RDF import), and it writes a document only where it is new or already belongs to
 * the tenant being written: the id is claimed in the same transaction that checks the owner, so neither a guessed
 * name nor a race replaces, takes over or mixes another tenant's document. Refused ids come back in the summary.
 */
public final class DocumentWriter {

    /** Properties Engram owns on a Document; metadata keys that collide are stored as {@code meta_<key>}. */
    private static final Set<String> RESERVED = Set.of(
            "id", "title", "source", "sha256", "pendingSha256", "tenant", "acl", "ingestedAt");

    /** Why a refused document was not written; names no tenant, so it tells a writer only that the id is taken. */
    public static final String REFUSED_MESSAGE = "not written: a document with this id already exists and belongs to "
            + "another tenant (or to the public corpus); give the document another id or name";

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
        completeHashesByOwner(documentIds).forEach((id, shaAndTenant) ->
                hashes.put(id, shaAndTenant.substring(0, shaAndTenant.indexOf('\0'))));
        return hashes;
    }

    /**
     * The documents of {@code tenant} (null: the public corpus) whose source starts with {@code sourcePrefix}, by id:
     * what a directory sync of that folder may replace or delete.
     */
    public Map<String, StoredSource> storedUnder(String sourcePrefix, String tenant) {
        Map<String, StoredSource> out = new java.util.TreeMap<>();
        try (Session session = store.session()) {
            session.executeRead(tx -> tx.run("""
                    MATCH (d:Document) WHERE d.source STARTS WITH $prefix AND coalesce(d.tenant, '') = $tenant
                    RETURN d.id AS id, d.source AS source, d.sha256 AS sha256
                    """, Map.of("prefix", sourcePrefix, "tenant", tenant == null ? "" : tenant)).list())
                    .forEach(r -> out.put(r.get("id").asString(), new StoredSource(r.get("id").asString(),
                            r.get("source").asString(), r.get("sha256").asString(null))));
        }
        return out;
    }

    // hash and owner of complete documents, as "sha\0tenant"
    private Map<String, String> completeHashesByOwner(Collection<String> documentIds) {
        Map<String, String> hashes = new HashMap<>();
        try (Session session = store.session()) {
            for (List<String> ids : Batches.of(List.copyOf(documentIds))) {
                session.executeRead(tx -> tx.run(StablePlans.PREFIX + """
                        UNWIND $ids AS id
                        MATCH (d:Document {id: id}) WHERE d.sha256 IS NOT NULL
                        RETURN d.id AS id, d.sha256 AS sha256, coalesce(d.tenant, '') AS tenant
                        """, Map.of("ids", ids)).list())
                        .forEach(r -> hashes.put(r.get("id").asString(),
                                r.get("sha256").asString() + "\u0000" + r.get("tenant").asString()));
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
        Map<String, String> complete = completeHashesByOwner(byId.keySet());
        List<DocumentRecord> toWrite = new ArrayList<>();
        int unchanged = 0;
        for (DocumentRecord d : byId.values()) {
            // the same content under another owner is not "unchanged": the claim below refuses it
            if ((d.sha256() + "\u0000" + Objects.toString(d.tenant(), "")).equals(complete.get(d.id()))) {
                unchanged++;
            } else {
                toWrite.add(d);
            }
        }
        if (toWrite.isEmpty()) {
            return new LexicalWriteSummary(0, unchanged, 0, 0);
        }
        Claim claim = claim(toWrite);
        List<String> refused = claim.refused();
        if (!refused.isEmpty()) {
            Set<String> out = Set.copyOf(refused);
            toWrite = toWrite.stream().filter(d -> !out.contains(d.id())).toList();
            if (toWrite.isEmpty()) {
                return new LexicalWriteSummary(0, unchanged, 0, 0, refused);
            }
        }
        List<String> ids = toWrite.stream().map(DocumentRecord::id).toList();
        deleter.clearChunks(ids);
        int chunks = 0;
        try (Session session = store.session()) {
            for (List<DocumentRecord> slice : Batches.of(toWrite)) {
                List<Map<String, Object>> rows = slice.stream().map(DocumentWriter::documentRow).toList();
                session.executeWriteWithoutResult(tx -> tx.run(StablePlans.PREFIX + """
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
            writeRows(session, """
                    UNWIND $rows AS row
                    MATCH (d:Document {id: row.documentId})
                    MERGE (c:Chunk {id: row.id})
                    SET c = row.props
                    MERGE (c)-[:PART_OF]->(d)
                    WITH c, row WHERE row.embedding IS NOT NULL
                    CALL db.create.setNodeVectorProperty(c, 'embedding', row.embedding)
                    """, chunkRows);
            // links only after every chunk exists: a document's chunks may span several transactions
            writeRows(session, """
                    UNWIND $rows AS row
                    MATCH (a:Chunk {id: row.from}), (b:Chunk {id: row.to})
                    MERGE (a)-[:NEXT]->(b)
                    """, nextRows);
            writeRows(session, """
                    UNWIND $rows AS row
                    MATCH (d:Document {id: row.documentId}), (c:Chunk {id: row.chunkId})
                    MERGE (d)-[:FIRST]->(c)
                    """, firstRows);
            writeSections(session, toWrite);
            chunks = chunkRows.size();
        }
        return new LexicalWriteSummary(toWrite.size(), unchanged, claim.existing(), chunks, refused);
    }

    /**
     * The documents' sections: each {@code PART_OF} its parent section or its document, {@code FIRST} to the first
     * chunk starting inside it (or the chunk it starts in), and each chunk {@code IN_SECTION} its innermost section.
     * Sections carry the document's tenant and acl, as chunks do.
     */
    private static void writeSections(Session session, List<DocumentRecord> documents) {
        List<Map<String, Object>> sectionRows = new ArrayList<>();
        List<Map<String, Object>> inRows = new ArrayList<>();
        for (DocumentRecord d : documents) {
            List<TextChunk> chunks = d.chunks().stream().sorted(Comparator.comparingInt(TextChunk::index)).toList();
            for (SectionRecord s : d.sections().isEmpty() ? sectionsOf(d.document().layout(), d.id(), chunks) : d.sections()) {
                Map<String, Object> props = partProps(s.id(), d, s.index(), s.pageStart(), s.pageEnd());
                props.put("title", s.title());
                props.put("level", s.level());
                props.put("path", s.path());
                Map<String, Object> row = partRow(s.id(), d, props);
                row.put("parent", s.parentId());
                row.put("first", s.firstChunkId());
                sectionRows.add(row);
            }
            for (TextChunk c : chunks) {
                if (c.sectionId() != null) {
                    inRows.add(Map.of("chunkId", c.id(), "sectionId", c.sectionId()));
                }
            }
        }
        writeRows(session, """
                UNWIND $rows AS row
                MERGE (s:Section {id: row.id})
                SET s = row.props
                """, sectionRows);
        writeRows(session, """
                UNWIND $rows AS row
                MATCH (s:Section {id: row.id})
                OPTIONAL MATCH (p:Section {id: row.parent})
                OPTIONAL MATCH (d:Document {id: row.documentId})
                WITH s, row, coalesce(p, d) AS parent
                MERGE (s)-[:PART_OF]->(parent)
                WITH s, row WHERE row.first IS NOT NULL
                MATCH (c:Chunk {id: row.first})
                MERGE (s)-[:FIRST]->(c)
                """, sectionRows);
        writeRows(session, """
                UNWIND $rows AS row
                MATCH (c:Chunk {id: row.chunkId}), (s:Section {id: row.sectionId})
                MERGE (c)-[:IN_SECTION]->(s)
                """, inRows);
    }

    /** Runs {@code cypher} (its rows found by id seeks: see StablePlans) over {@code rows} ({@code $rows}), one transaction a batch. */
    private static void writeRows(Session session, String cypher, List<Map<String, Object>> rows) {
        for (List<Map<String, Object>> slice : Batches.of(rows)) {
            session.executeWriteWithoutResult(tx -> tx.run(StablePlans.PREFIX + cypher, Map.of("rows", slice)).consume());
        }
    }

    /** The sections of a layout as stored: ids, paths, pages and first chunks. */
    private static List<SectionRecord> sectionsOf(DocumentLayout layout, String documentId, List<TextChunk> chunks) {
        List<SectionRecord> out = new ArrayList<>(layout.sections().size());
        for (DocumentSection s : layout.sections()) {
            int page = layout.pageAt(s.start());
            out.add(new SectionRecord(DocumentSection.id(documentId, s.index()), s.index(), s.title(), s.level(),
                    layout.pathOf(s), page, page > 0 ? layout.pageAt(Math.max(s.start(), s.end() - 1)) : 0,
                    s.parent() < 0 ? null : DocumentSection.id(documentId, s.parent()), firstChunk(chunks, s)));
        }
        return out;
    }

    /** The first chunk starting inside the section, else the chunk the section starts in; null if neither. */
    private static String firstChunk(List<TextChunk> chunks, DocumentSection s) {
        String holding = null;
        for (TextChunk c : chunks) {
            if (c.start() >= s.start() && c.start() < s.end()) {
                return c.id();
            }
            if (holding == null && c.start() <= s.start() && s.start() < c.end()) {
                holding = c.id();
            }
        }
        return holding;
    }

    /**
     * The owner check, atomic per batch: creates the Document nodes that do not exist yet (so a concurrent writer of
     * another tenant sees them taken) and returns the ids whose existing document belongs to another tenant.
     */
    private Claim claim(List<DocumentRecord> records) {
        List<String> refused = new ArrayList<>();
        int existing = 0;
        try (Session session = store.session()) {
            for (List<DocumentRecord> slice : Batches.of(records)) {
                List<Map<String, Object>> rows = slice.stream().map(d -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("id", d.id());
                    row.put("tenant", d.tenant());
                    return row;
                }).toList();
                var result = session.executeWrite(tx -> tx.run(StablePlans.PREFIX + """
                        UNWIND $rows AS row
                        MERGE (d:Document {id: row.id})
                        ON CREATE SET d.tenant = row.tenant, d.claimed = true
                        WITH d, row, d.claimed IS NOT NULL AS fresh
                        REMOVE d.claimed
                        RETURN row.id AS id, fresh, coalesce(d.tenant, '') = coalesce(row.tenant, '') AS owned
                        """, Map.of("rows", rows)).list());
                for (var r : result) {
                    if (!r.get("owned").asBoolean()) {
                        refused.add(r.get("id").asString());
                    } else if (!r.get("fresh").asBoolean()) {
                        existing++;
                    }
                }
            }
        }
        return new Claim(refused, existing);
    }

    /** Ids owned by another tenant, and how many of the others already existed (are being replaced). */
    private record Claim(List<String> refused, int existing) {}

    /**
     * Those of {@code ids} that name a document of another owner than {@code tenant} (null = the public corpus): a
     * write with that tenant would refuse them. Lets a front end refuse an upload before any work; {@link #write}
     * still refuses them at write time, so a document created meanwhile is not taken over either.
     */
    public List<String> ownedByOthers(Collection<String> ids, String tenant) {
        try (Session session = store.session()) {
            return session.executeRead(tx -> tx.run("""
                    UNWIND $ids AS id
                    MATCH (d:Document {id: id}) WHERE coalesce(d.tenant, '') <> coalesce($tenant, '')
                    RETURN d.id AS id ORDER BY id
                    """, Map.of("ids", List.copyOf(ids), "tenant", tenant == null ? "" : tenant))
                    .list(r -> r.get("id").asString()));
        }
    }

    /** Records these documents as completely written (lexical and knowledge graph), making their hashes visible. */
    public void markComplete(Collection<String> documentIds) {
        try (Session session = store.session()) {
            for (List<String> ids : Batches.of(List.copyOf(documentIds))) {
                session.executeWriteWithoutResult(tx -> tx.run(StablePlans.PREFIX + """
                        UNWIND $ids AS id
                        MATCH (d:Document {id: id}) WHERE d.pendingSha256 IS NOT NULL
                        SET d.sha256 = d.pendingSha256
                        REMOVE d.pendingSha256
                        """, Map.of("ids", ids)).consume());
            }
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
            Map<String, Object> props = partProps(chunk.id(), d, chunk.index(), chunk.pageStart(), chunk.pageEnd());
            props.put("text", chunk.text());
            props.put("tokenCount", chunk.tokenCount());
            props.put("start", chunk.start());
            props.put("end", chunk.end());
            // only documents with sections get this: a JSONL passage's chunk is stored exactly as before
            if (!chunk.sectionPath().isEmpty()) {
                props.put("sectionPath", chunk.sectionPath());
            }
            Map<String, Object> row = partRow(chunk.id(), d, props);
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

    /**
     * The properties a section and a chunk share: its id, its document and place in it, its pages (only when the
     * document has pages, so a JSONL passage's chunk is stored exactly as before), and the document's tenant and acl.
     */
    private static Map<String, Object> partProps(String id, DocumentRecord d, int index, int pageStart, int pageEnd) {
        Map<String, Object> props = new HashMap<>();
        props.put("id", id);
        props.put("documentId", d.id());
        props.put("index", index);
        if (pageStart > 0) {
            props.put("pageStart", pageStart);
            props.put("pageEnd", pageEnd);
        }
        putIfNotNull(props, "tenant", d.tenant());
        props.put("acl", d.acl());
        return props;
    }

    /** The write row of a section or chunk: what to match it by, and its properties. */
    private static Map<String, Object> partRow(String id, DocumentRecord d, Map<String, Object> props) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("documentId", d.id());
        row.put("props", props);
        return row;
    }

    private static void putIfNotNull(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
