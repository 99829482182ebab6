package dev.engram.store.rdf;

import static dev.engram.store.rdf.EngramVocabulary.ACL;
import static dev.engram.store.rdf.EngramVocabulary.CHUNK;
import static dev.engram.store.rdf.EngramVocabulary.DC_SOURCE;
import static dev.engram.store.rdf.EngramVocabulary.DOCUMENT;
import static dev.engram.store.rdf.EngramVocabulary.END;
import static dev.engram.store.rdf.EngramVocabulary.ENTITY;
import static dev.engram.store.rdf.EngramVocabulary.FIRST;
import static dev.engram.store.rdf.EngramVocabulary.IN_SECTION;
import static dev.engram.store.rdf.EngramVocabulary.LEVEL;
import static dev.engram.store.rdf.EngramVocabulary.PAGE_END;
import static dev.engram.store.rdf.EngramVocabulary.PAGE_START;
import static dev.engram.store.rdf.EngramVocabulary.SECTION;
import static dev.engram.store.rdf.EngramVocabulary.INDEX;
import static dev.engram.store.rdf.EngramVocabulary.LABEL;
import static dev.engram.store.rdf.EngramVocabulary.MENTIONS;
import static dev.engram.store.rdf.EngramVocabulary.NEXT;
import static dev.engram.store.rdf.EngramVocabulary.OBJECT;
import static dev.engram.store.rdf.EngramVocabulary.PART_OF;
import static dev.engram.store.rdf.EngramVocabulary.PREDICATE;
import static dev.engram.store.rdf.EngramVocabulary.PROPERTY;
import static dev.engram.store.rdf.EngramVocabulary.SOURCE;
import static dev.engram.store.rdf.EngramVocabulary.START;
import static dev.engram.store.rdf.EngramVocabulary.STATEMENT;
import static dev.engram.store.rdf.EngramVocabulary.SUBJECT;
import static dev.engram.store.rdf.EngramVocabulary.TENANT;
import static dev.engram.store.rdf.EngramVocabulary.TEXT;
import static dev.engram.store.rdf.EngramVocabulary.TITLE;
import static dev.engram.store.rdf.EngramVocabulary.TOKEN_COUNT;
import static dev.engram.store.rdf.EngramVocabulary.TYPE;

import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.search.AccessCypher;
import dev.engram.store.search.AccessFilter;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/**
 * Streams the knowledge graph, or the part one reader may see, as RDF. Documents and entities are read in pages
 * ordered by id (a cursor on the unique-constraint index, never SKIP) and each page goes straight to a Jena
 * {@link StreamRDF}, so no export holds a whole graph in memory.
 *
 * <p>Mapping: entities, documents and chunks get stable IRIs from their ids ({@link EngramVocabulary}); an entity
 * has {@code rdfs:label} = its name; a document {@code dcterms:title}, {@code dcterms:source}, {@code engram:tenant},
 * {@code engram:acl} and its metadata under {@code meta:}; a chunk {@code engram:text}, {@code engram:partOf},
 * {@code engram:index}, {@code engram:next} and {@code engram:mentions}. Each RELATION is a plain triple
 * {@code <s> rel:<slug> <o>}, the property labelled with the readable predicate.
 *
 * <p>Provenance uses standard RDF reification, not RDF-star: each relation also gets one {@code rdf:Statement}
 * node (IRI = hash of subject, predicate, object) with {@code rdf:subject/predicate/object} and one
 * {@code engram:source} per supporting chunk. Reification reads the same in Turtle, N-Triples and JSON-LD (JSON-LD
 * has no triple terms, and Jena 6's RDF 1.2 {@code << >>} is itself sugar for a reifier node), and SPARQL 1.1
 * queries it without extensions. One node per relation, not per chunk, keeps it to 4 + sources triples.
 *
 * <p>Access: a document or chunk appears when {@link AccessFilter} may read it, an entity when a readable chunk
 * mentions it, a relation when a readable chunk supports it, and then with only its readable sources, so nothing
 * of a hidden document shows through a name or a count. Derived data is left out: embeddings, chunk counts,
 * relation weights (the number of sources), SYNONYM edges and ingest times.
 */
public final class RdfExporter {

    /** Documents or entities read per page. */
    public static final int DEFAULT_PAGE_SIZE = 500;

    private static final Set<String> DOCUMENT_FIELDS = Set.of(
            "id", "title", "source", "tenant", "acl", "sha256", "pendingSha256", "ingestedAt");

    /** A query column written, when not null, as an integer literal of {@code property}. */
    private record IntegerColumn(String column, Node property) {}

    // in the order the triples are written
    private static final List<IntegerColumn> SECTION_INTEGERS = List.of(new IntegerColumn("index", INDEX),
            new IntegerColumn("level", LEVEL), new IntegerColumn("pageStart", PAGE_START),
            new IntegerColumn("pageEnd", PAGE_END));
    private static final List<IntegerColumn> CHUNK_INTEGERS = List.of(new IntegerColumn("tokenCount", TOKEN_COUNT),
            new IntegerColumn("start", START), new IntegerColumn("end", END),
            new IntegerColumn("pageStart", PAGE_START), new IntegerColumn("pageEnd", PAGE_END));

    private final GraphStore store;
    private final int pageSize;

    /** An exporter with the default page size. */
    public RdfExporter(GraphStore store) {
        this(store, DEFAULT_PAGE_SIZE);
    }

    /** An exporter reading {@code pageSize} documents or entities a query. */
    public RdfExporter(GraphStore store, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be positive, got " + pageSize);
        }
        this.store = store;
        this.pageSize = pageSize;
    }

    /** Writes what {@code filter} may read to {@code out} in {@code format}; {@code progress} hears after each page. */
    public ExportSummary export(AccessFilter filter, RdfFormat format, OutputStream out, Consumer<ExportSummary> progress) {
        StreamRDF stream = switch (format) {
            case TURTLE -> StreamRDFWriter.getWriterStream(out, RDFFormat.TURTLE_BLOCKS);
            case NTRIPLES -> StreamRDFWriter.getWriterStream(out, RDFFormat.NTRIPLES);
            case JSONLD -> new JsonLdStreamWriter(out);
            case RDFXML -> throw new IllegalArgumentException("RDF/XML is read only; export as ttl, nt or jsonld");
        };
        return export(filter, stream, progress);
    }

    /** Sends what {@code filter} may read to {@code out} (started and finished here). */
    public ExportSummary export(AccessFilter filter, StreamRDF out, Consumer<ExportSummary> progress) {
        Tally tally = new Tally(out);
        out.start();
        EngramVocabulary.PREFIXES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(p -> out.prefix(p.getKey(), p.getValue()));
        Map<String, Object> access = AccessCypher.params(filter);
        try (Session session = store.session()) {
            exportDocuments(session, access, tally, progress);
            exportEntities(session, access, tally, progress);
        }
        out.finish();
        return tally.summary();
    }

    private void exportDocuments(Session session, Map<String, Object> access, Tally out, Consumer<ExportSummary> progress) {
        String after = "";
        while (true) {
            Map<String, Object> params = new HashMap<>(access);
            params.put("after", after);
            params.put("limit", pageSize);
            List<Record> page = session.run("MATCH (d:Document) WHERE d.id > $after AND " + AccessCypher.readable("d")
                    + " WITH d ORDER BY d.id LIMIT $limit RETURN d.id AS id, properties(d) AS props", params).list();
            if (page.isEmpty()) {
                return;
            }
            List<String> ids = new ArrayList<>(page.size());
            for (Record r : page) {
                ids.add(r.get("id").asString());
                writeDocument(r.get("id").asString(), r.get("props").asMap(), out);
            }
            writeSections(session, access, ids, out);
            writeChunks(session, access, ids, out);
            progress.accept(out.summary());
            after = ids.getLast();
        }
    }

    private static void writeDocument(String id, Map<String, Object> props, Tally out) {
        Node doc = EngramVocabulary.document(id);
        out.add(doc, TYPE, DOCUMENT);
        if (props.get("title") instanceof String title) {
            out.add(doc, TITLE, string(title));
        }
        if (props.get("source") instanceof String source) {
            out.add(doc, DC_SOURCE, string(source));
        }
        if (props.get("tenant") instanceof String tenant) {
            out.add(doc, TENANT, string(tenant));
        }
        if (props.get("acl") instanceof List<?> acl) {
            acl.forEach(group -> out.add(doc, ACL, string(String.valueOf(group))));
        }
        props.entrySet().stream().filter(e -> !DOCUMENT_FIELDS.contains(e.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    Node key = EngramVocabulary.meta(e.getKey());
                    List<?> values = e.getValue() instanceof List<?> list ? list : List.of(e.getValue());
                    for (Object value : values) {
                        Node literal = literal(value);
                        if (literal != null) {
                            out.add(doc, key, literal);
                        }
                    }
                });
        out.documents++;
    }

    /** The readable sections of these documents: title, level, pages, what they are part of, their first chunk. */
    private static void writeSections(Session session, Map<String, Object> access, List<String> documentIds, Tally out) {
        Map<String, Object> params = new HashMap<>(access);
        params.put("ids", documentIds);
        Result result = session.run("""
                UNWIND $ids AS docId
                MATCH (s:Section {documentId: docId})
                WHERE %s
                OPTIONAL MATCH (s)-[:PART_OF]->(p:Section)
                OPTIONAL MATCH (s)-[:FIRST]->(c:Chunk)
                RETURN docId, s.id AS id, s.index AS index, s.title AS title, s.level AS level, s.pageStart AS pageStart,
                       s.pageEnd AS pageEnd, p.id AS parent, c.id AS first
                ORDER BY docId, s.index
                """.formatted(AccessCypher.readable("s")), params);
        while (result.hasNext()) {
            Record r = result.next();
            Node section = EngramVocabulary.section(r.get("id").asString());
            out.add(section, TYPE, SECTION);
            out.add(section, PART_OF, r.get("parent").isNull() ? EngramVocabulary.document(r.get("docId").asString())
                    : EngramVocabulary.section(r.get("parent").asString()));
            addString(out, section, TITLE, r.get("title"));
            addIntegers(out, section, r, SECTION_INTEGERS);
            if (!r.get("first").isNull()) {
                out.add(section, FIRST, EngramVocabulary.chunk(r.get("first").asString()));
            }
        }
    }

    private static void writeChunks(Session session, Map<String, Object> access, List<String> documentIds, Tally out) {
        Map<String, Object> params = new HashMap<>(access);
        params.put("ids", documentIds);
        Result result = session.run("""
                UNWIND $ids AS docId
                MATCH (d:Document {id: docId})<-[:PART_OF]-(c:Chunk)
                WHERE %s
                OPTIONAL MATCH (c)-[:NEXT]->(n:Chunk)
                RETURN docId, c.id AS id, c.index AS index, c.text AS text, c.tokenCount AS tokenCount,
                       c.start AS start, c.end AS end, n.id AS next, c.pageStart AS pageStart, c.pageEnd AS pageEnd,
                       COLLECT { MATCH (c)-[:IN_SECTION]->(s:Section) RETURN s.id } AS sections,
                       COLLECT { MATCH (c)-[:MENTIONS]->(e:Entity) RETURN e.id ORDER BY e.id } AS mentions
                ORDER BY docId, index
                """.formatted(AccessCypher.readable("c")), params);
        while (result.hasNext()) {
            Record r = result.next();
            Node chunk = EngramVocabulary.chunk(r.get("id").asString());
            out.add(chunk, TYPE, CHUNK);
            out.add(chunk, PART_OF, EngramVocabulary.document(r.get("docId").asString()));
            addInteger(out, chunk, INDEX, r.get("index"));
            addString(out, chunk, TEXT, r.get("text"));
            addIntegers(out, chunk, r, CHUNK_INTEGERS);
            for (Value section : r.get("sections").values()) {
                out.add(chunk, IN_SECTION, EngramVocabulary.section(section.asString()));
            }
            if (!r.get("next").isNull()) {
                out.add(chunk, NEXT, EngramVocabulary.chunk(r.get("next").asString()));
            }
            for (Value entity : r.get("mentions").values()) {
                out.add(chunk, MENTIONS, EngramVocabulary.entity(entity.asString()));
            }
            out.chunks++;
        }
    }

    private void exportEntities(Session session, Map<String, Object> access, Tally out, Consumer<ExportSummary> progress) {
        Set<String> predicatesWritten = new HashSet<>();
        String readableChunk = AccessCypher.readable("c");
        String query = """
                MATCH (e:Entity) WHERE e.id > $after AND EXISTS { MATCH (c:Chunk)-[:MENTIONS]->(e) WHERE %s }
                WITH e ORDER BY e.id LIMIT $limit
                CALL (e) {
                  MATCH (e)-[r:RELATION]->(o:Entity)
                  WITH r, o, [cid IN coalesce(r.chunkIds, []) WHERE EXISTS { MATCH (c:Chunk {id: cid}) WHERE %s }] AS sources
                  WHERE size(sources) > 0
                  WITH r, o, sources ORDER BY r.predicate, o.id
                  RETURN collect({p: r.predicate, o: o.id, sources: sources}) AS relations
                }
                RETURN e.id AS id, e.name AS name, relations
                """.formatted(readableChunk, readableChunk);
        String after = "";
        while (true) {
            Map<String, Object> params = new HashMap<>(access);
            params.put("after", after);
            params.put("limit", pageSize);
            List<Record> page = session.run(query, params).list();
            if (page.isEmpty()) {
                return;
            }
            for (Record r : page) {
                writeEntity(r, out, predicatesWritten);
            }
            progress.accept(out.summary());
            after = page.getLast().get("id").asString();
        }
    }

    private static void writeEntity(Record r, Tally out, Set<String> predicatesWritten) {
        String id = r.get("id").asString();
        Node entity = EngramVocabulary.entity(id);
        out.add(entity, TYPE, ENTITY);
        out.add(entity, LABEL, string(r.get("name").isNull() ? id : r.get("name").asString()));
        List<Value> relations = r.get("relations").asList(v -> v);
        // the entity's own triples first, so a subject-grouping writer sees them as one block
        for (Value rel : relations) {
            out.add(entity, EngramVocabulary.relation(rel.get("p").asString()), EngramVocabulary.entity(rel.get("o").asString()));
        }
        for (Value rel : relations) {
            String predicate = rel.get("p").asString();
            String object = rel.get("o").asString();
            Node property = EngramVocabulary.relation(predicate);
            Node statement = EngramVocabulary.fact(id, predicate, object);
            out.add(statement, TYPE, STATEMENT);
            out.add(statement, SUBJECT, entity);
            out.add(statement, PREDICATE, property);
            out.add(statement, OBJECT, EngramVocabulary.entity(object));
            for (Value source : rel.get("sources").values()) {
                out.add(statement, SOURCE, EngramVocabulary.chunk(source.asString()));
            }
            out.relations++;
        }
        for (Value rel : relations) {
            String predicate = rel.get("p").asString();
            if (predicatesWritten.add(predicate)) {
                Node property = EngramVocabulary.relation(predicate);
                out.add(property, TYPE, PROPERTY);
                out.add(property, LABEL, string(predicate));
            }
        }
        out.entities++;
    }

    private static void addIntegers(Tally out, Node subject, Record r, List<IntegerColumn> columns) {
        for (IntegerColumn c : columns) {
            addInteger(out, subject, c.property(), r.get(c.column()));
        }
    }

    private static void addString(Tally out, Node subject, Node property, Value value) {
        if (!value.isNull()) {
            out.add(subject, property, string(value.asString()));
        }
    }

    private static void addInteger(Tally out, Node subject, Node property, Value value) {
        if (!value.isNull()) {
            out.add(subject, property, NodeFactory.createLiteralDT(Long.toString(value.asLong()), XSDDatatype.XSDinteger));
        }
    }

    static Node string(String s) {
        return NodeFactory.createLiteralString(s);
    }

    /** Metadata values as typed literals; anything Neo4j stores that is not a plain scalar is skipped. */
    private static Node literal(Object value) {
        return switch (value) {
            case String s -> string(s);
            case Long l -> NodeFactory.createLiteralDT(Long.toString(l), XSDDatatype.XSDinteger);
            case Double d -> NodeFactory.createLiteralDT(Double.toString(d), XSDDatatype.XSDdouble);
            case Boolean b -> NodeFactory.createLiteralDT(Boolean.toString(b), XSDDatatype.XSDboolean);
            case null, default -> null;
        };
    }

    /** Counts what goes through, for progress and the summary. */
    private static final class Tally {
        private final StreamRDF out;
        long documents;
        long chunks;
        long entities;
        long relations;
        long triples;

        Tally(StreamRDF out) {
            this.out = out;
        }

        void add(Node s, Node p, Node o) {
            out.triple(Triple.create(s, p, o));
            triples++;
        }

        ExportSummary summary() {
            return new ExportSummary(documents, chunks, entities, relations, triples);
        }
    }
}
