package dev.engram.store.rdf;

import static dev.engram.store.rdf.EngramVocabulary.ACL;
import static dev.engram.store.rdf.EngramVocabulary.CHUNK_NS;
import static dev.engram.store.rdf.EngramVocabulary.DOCUMENT_NS;
import static dev.engram.store.rdf.EngramVocabulary.ENTITY_NS;
import static dev.engram.store.rdf.EngramVocabulary.SECTION_NS;

import dev.engram.records.document.SourceDocument;
import dev.engram.records.document.TextChunk;
import dev.engram.store.knowledge.ChunkKnowledge;
import dev.engram.store.knowledge.EntityRecord;
import dev.engram.store.knowledge.FactRecord;
import dev.engram.store.lexical.SectionRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * Reads back what {@link RdfExporter} wrote: documents with their sections and chunks (pages, section links),
 * entities, mentions and reified relations with their source chunks, under the ids they had. Subjects it takes are reported, so the rest of a file that
 * mixes Engram's vocabulary with other RDF can still be imported as linked data.
 */
public final class ExportedGraphReader {

    /** A document of an export with its access, its chunks in reading order and its sections in document order. */
    public record RestoredDocument(SourceDocument document, String tenant, List<String> acl, List<TextChunk> chunks,
                                   List<SectionRecord> sections) {}

    /** What an export held: documents, chunk knowledge, and the RDF nodes read as Engram data. */
    public record Restored(List<RestoredDocument> documents, List<ChunkKnowledge> knowledge, Set<Node> consumed) {}

    private record ChunkRow(String id, String documentId, int index, String text, int tokenCount, int start, int end,
                            int pageStart, int pageEnd, String sectionId, List<String> mentions) {}

    /** A section as exported: what it is part of is a document or another section. */
    private record SectionRow(String id, int index, String title, int level, int pageStart, int pageEnd,
                              String documentId, String parentId, String firstChunkId) {}

    /** Reads the Engram part of {@code rdf}. */
    public Restored read(ParsedRdf rdf) {
        Set<Node> consumed = new HashSet<>();
        Map<String, String> entityNames = new HashMap<>();
        Map<String, List<ChunkRow>> chunksByDocument = new LinkedHashMap<>();
        List<Node> documents = new ArrayList<>();
        Map<String, List<FactRecord>> factsByChunk = new HashMap<>();
        Map<String, SectionRow> sections = new LinkedHashMap<>();
        for (Map.Entry<Node, List<Triple>> e : rdf.bySubject().entrySet()) {
            Node s = e.getKey();
            if (rdf.hasType(s, EngramVocabulary.ENTITY) && EngramVocabulary.idIn(ENTITY_NS, s) != null) {
                Node label = rdf.first(s, EngramVocabulary.LABEL);
                String id = EngramVocabulary.idIn(ENTITY_NS, s);
                entityNames.put(id, label != null && label.isLiteral() ? label.getLiteralLexicalForm() : id);
                consumed.add(s);
            } else if (rdf.hasType(s, EngramVocabulary.DOCUMENT) && EngramVocabulary.idIn(DOCUMENT_NS, s) != null) {
                documents.add(s);
                consumed.add(s);
            } else if (rdf.hasType(s, EngramVocabulary.CHUNK) && EngramVocabulary.idIn(CHUNK_NS, s) != null) {
                ChunkRow chunk = chunk(rdf, s);
                if (chunk != null) {
                    chunksByDocument.computeIfAbsent(chunk.documentId(), d -> new ArrayList<>()).add(chunk);
                }
                consumed.add(s);
            } else if (rdf.hasType(s, EngramVocabulary.SECTION) && EngramVocabulary.idIn(SECTION_NS, s) != null) {
                SectionRow section = section(rdf, s);
                if (section != null) {
                    sections.put(section.id(), section);
                }
                consumed.add(s);
            } else if (rdf.hasType(s, EngramVocabulary.STATEMENT) && rdf.first(s, EngramVocabulary.SOURCE) != null) {
                addFacts(rdf, s, factsByChunk);
                consumed.add(s);
            } else if (EngramVocabulary.predicateOf(s) != null) {
                consumed.add(s); // a predicate's own label: the statements already carry it
            }
        }
        Map<String, List<SectionRecord>> sectionsByDocument = sectionsByDocument(sections);
        List<RestoredDocument> restored = new ArrayList<>();
        List<ChunkKnowledge> knowledge = new ArrayList<>();
        for (Node doc : documents) {
            String id = EngramVocabulary.idIn(DOCUMENT_NS, doc);
            List<ChunkRow> rows = chunksByDocument.getOrDefault(id, List.of());
            rows.sort(Comparator.comparingInt(ChunkRow::index));
            restored.add(document(rdf, doc, id, rows, sectionsByDocument.getOrDefault(id, List.of())));
            for (ChunkRow row : rows) {
                List<EntityRecord> mentions = row.mentions().stream()
                        .map(m -> new EntityRecord(m, entityNames.getOrDefault(m, m))).toList();
                knowledge.add(new ChunkKnowledge(row.id(), mentions, factsByChunk.getOrDefault(row.id(), List.of())));
            }
        }
        return new Restored(restored, knowledge, consumed);
    }

    private static RestoredDocument document(ParsedRdf rdf, Node doc, String id, List<ChunkRow> rows,
                                             List<SectionRecord> sections) {
        String title = null;
        String source = null;
        String tenant = null;
        List<String> acl = new ArrayList<>();
        Map<String, List<Object>> metadata = new LinkedHashMap<>();
        for (Triple t : rdf.of(doc)) {
            Node p = t.getPredicate();
            Node o = t.getObject();
            if (!o.isLiteral()) {
                continue;
            }
            if (p.equals(EngramVocabulary.TITLE)) {
                title = o.getLiteralLexicalForm();
            } else if (p.equals(EngramVocabulary.DC_SOURCE)) {
                source = o.getLiteralLexicalForm();
            } else if (p.equals(EngramVocabulary.TENANT)) {
                tenant = o.getLiteralLexicalForm();
            } else if (p.equals(ACL)) {
                acl.add(o.getLiteralLexicalForm());
            } else {
                String key = EngramVocabulary.idIn(EngramVocabulary.META, p);
                if (key != null) {
                    metadata.computeIfAbsent(key, k -> new ArrayList<>()).add(o.getLiteralValue());
                }
            }
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        metadata.forEach((k, values) -> meta.put(k, values.size() == 1 ? scalar(values.getFirst()) : values.stream()
                .map(ExportedGraphReader::scalar).toList()));
        String text = String.join("\n\n", rows.stream().map(ChunkRow::text).toList());
        Map<String, SectionRecord> byId = new HashMap<>();
        sections.forEach(sec -> byId.put(sec.id(), sec));
        List<TextChunk> chunks = rows.stream().map(r -> {
            SectionRecord in = r.sectionId() == null ? null : byId.get(r.sectionId());
            return new TextChunk(r.id(), id, r.index(), r.text(), r.tokenCount(), r.start(), r.end(), r.pageStart(),
                    r.pageEnd(), in == null ? List.of() : in.path(), in == null ? null : in.id());
        }).toList();
        return new RestoredDocument(new SourceDocument(id, title, source, text, meta), tenant, List.copyOf(acl), chunks,
                sections);
    }

    private static SectionRow section(ParsedRdf rdf, Node section) {
        Node partOf = rdf.first(section, EngramVocabulary.PART_OF);
        if (partOf == null) {
            return null;
        }
        Node title = rdf.first(section, EngramVocabulary.TITLE);
        Node first = rdf.first(section, EngramVocabulary.FIRST);
        return new SectionRow(EngramVocabulary.idIn(SECTION_NS, section), integer(rdf, section, EngramVocabulary.INDEX),
                title != null && title.isLiteral() ? title.getLiteralLexicalForm() : "",
                integer(rdf, section, EngramVocabulary.LEVEL), integer(rdf, section, EngramVocabulary.PAGE_START),
                integer(rdf, section, EngramVocabulary.PAGE_END), EngramVocabulary.idIn(DOCUMENT_NS, partOf),
                EngramVocabulary.idIn(SECTION_NS, partOf), first == null ? null : EngramVocabulary.idIn(CHUNK_NS, first));
    }

    /**
     * The sections of each document, by index, with their paths: a section part of another belongs to that one's
     * document. A section whose chain of parents reaches no document (or loops) is left out.
     */
    private static Map<String, List<SectionRecord>> sectionsByDocument(Map<String, SectionRow> sections) {
        Map<String, List<SectionRecord>> out = new HashMap<>();
        for (SectionRow row : sections.values()) {
            List<String> path = new ArrayList<>();
            SectionRow top = row;
            for (int depth = 0; top != null && depth <= sections.size(); depth++) {
                path.addFirst(top.title());
                if (top.documentId() != null) {
                    break;
                }
                top = top.parentId() == null ? null : sections.get(top.parentId());
            }
            if (top == null || top.documentId() == null) {
                continue;
            }
            out.computeIfAbsent(top.documentId(), d -> new ArrayList<>()).add(new SectionRecord(row.id(), row.index(),
                    row.title(), row.level(), path, row.pageStart(), row.pageEnd(), row.parentId(), row.firstChunkId()));
        }
        out.values().forEach(list -> list.sort(Comparator.comparingInt(SectionRecord::index)));
        return out;
    }

    /** Jena reads xsd:integer as BigInteger or Integer; Neo4j wants Long. */
    private static Object scalar(Object value) {
        return switch (value) {
            case Number n when !(value instanceof Double || value instanceof Float) -> n.longValue();
            case Float f -> f.doubleValue();
            default -> value;
        };
    }

    private static ChunkRow chunk(ParsedRdf rdf, Node chunk) {
        Node doc = rdf.first(chunk, EngramVocabulary.PART_OF);
        String documentId = doc == null ? null : EngramVocabulary.idIn(DOCUMENT_NS, doc);
        if (documentId == null) {
            return null;
        }
        List<String> mentions = new ArrayList<>();
        for (Triple t : rdf.of(chunk)) {
            if (t.getPredicate().equals(EngramVocabulary.MENTIONS)) {
                String entity = EngramVocabulary.idIn(ENTITY_NS, t.getObject());
                if (entity != null) {
                    mentions.add(entity);
                }
            }
        }
        Node text = rdf.first(chunk, EngramVocabulary.TEXT);
        Node section = rdf.first(chunk, EngramVocabulary.IN_SECTION);
        return new ChunkRow(EngramVocabulary.idIn(CHUNK_NS, chunk), documentId, integer(rdf, chunk, EngramVocabulary.INDEX),
                text == null ? "" : text.getLiteralLexicalForm(), integer(rdf, chunk, EngramVocabulary.TOKEN_COUNT),
                integer(rdf, chunk, EngramVocabulary.START), integer(rdf, chunk, EngramVocabulary.END),
                integer(rdf, chunk, EngramVocabulary.PAGE_START), integer(rdf, chunk, EngramVocabulary.PAGE_END),
                section == null ? null : EngramVocabulary.idIn(SECTION_NS, section), mentions);
    }

    private static int integer(ParsedRdf rdf, Node subject, Node property) {
        Node value = rdf.first(subject, property);
        return value != null && value.isLiteral() && value.getLiteralValue() instanceof Number n ? n.intValue() : 0;
    }

    private static void addFacts(ParsedRdf rdf, Node statement, Map<String, List<FactRecord>> factsByChunk) {
        Node s = rdf.first(statement, EngramVocabulary.SUBJECT);
        Node p = rdf.first(statement, EngramVocabulary.PREDICATE);
        Node o = rdf.first(statement, EngramVocabulary.OBJECT);
        if (s == null || p == null || o == null) {
            return;
        }
        String subject = EngramVocabulary.idIn(ENTITY_NS, s);
        String object = EngramVocabulary.idIn(ENTITY_NS, o);
        String predicate = predicate(rdf, p);
        if (subject == null || object == null || predicate == null) {
            return;
        }
        for (Triple t : rdf.of(statement)) {
            if (t.getPredicate().equals(EngramVocabulary.SOURCE)) {
                String chunk = EngramVocabulary.idIn(CHUNK_NS, t.getObject());
                if (chunk != null) {
                    factsByChunk.computeIfAbsent(chunk, c -> new ArrayList<>())
                            .add(new FactRecord(subject, predicate, object, chunk));
                }
            }
        }
    }

    /** The readable predicate: the property's label when the file has one, else decoded from its IRI. */
    private static String predicate(ParsedRdf rdf, Node property) {
        Node label = rdf.first(property, EngramVocabulary.LABEL);
        return label != null && label.isLiteral() ? label.getLiteralLexicalForm() : EngramVocabulary.predicateOf(property);
    }
}
