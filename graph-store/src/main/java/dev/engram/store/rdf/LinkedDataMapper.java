package dev.engram.store.rdf;

import dev.engram.records.document.SourceDocument;
import dev.engram.records.document.TextChunk;
import dev.engram.records.triples.EntityNormalizer;
import dev.engram.store.knowledge.ChunkKnowledge;
import dev.engram.store.knowledge.EntityRecord;
import dev.engram.store.knowledge.FactRecord;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * Maps arbitrary RDF (DBpedia, Wikidata, schema.org...) onto Engram's graph so an existing KG joins the extracted
 * one: every subject becomes an Entity (id = normalised label from rdfs:label, skos:prefLabel, schema:name or
 * foaf:name, English preferred; else the IRI's local name), every object property a RELATION whose predicate is
 * the property's label or its local name split at camelCase ("birthPlace" → "birth place"), and every other
 * literal a RELATION to an entity named by the literal (a birth date), except long texts, which stay in the chunk
 * only. Provenance: one document per file, one chunk per subject verbalising its triples
 * ("Ada Lovelace: birth place London; field mathematics."), so relations cite real, embedded, searchable chunks.
 * Unlabelled blank nodes have no name worth linking and are left out as objects.
 */
public final class LinkedDataMapper {

    /** Literals longer than this are descriptions, not values worth an entity of their own. */
    static final int MAX_LITERAL_ENTITY_LENGTH = 100;

    private static final List<Node> LABELS = List.of(
            EngramVocabulary.LABEL,
            NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#prefLabel"),
            NodeFactory.createURI("https://schema.org/name"),
            NodeFactory.createURI("http://schema.org/name"),
            NodeFactory.createURI("http://xmlns.com/foaf/0.1/name"));

    /** The mapped file: one document and the knowledge of each of its chunks. */
    /** One document holding a chunk per subject, with the chunks' knowledge. */
    public record Mapped(SourceDocument document, List<TextChunk> chunks, List<ChunkKnowledge> knowledge) {}

    private record Named(String id, String name) {}

    private final EntityNormalizer normalizer = new EntityNormalizer();

    /** Maps the subjects of {@code rdf} not in {@code skip} into one document. */
    public Mapped map(ParsedRdf rdf, Set<Node> skip, String documentId, String title, String source) {
        Map<Node, String> labels = labels(rdf);
        Set<Node> predicates = new HashSet<>();
        rdf.bySubject().values().forEach(ts -> ts.forEach(t -> predicates.add(t.getPredicate())));
        List<TextChunk> chunks = new ArrayList<>();
        List<ChunkKnowledge> knowledge = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Map.Entry<Node, List<Triple>> e : rdf.bySubject().entrySet()) {
            Node subject = e.getKey();
            if (skip.contains(subject) || predicates.contains(subject)) {
                continue; // Engram's own nodes, and property definitions (their labels name predicates)
            }
            Named s = named(subject, labels);
            if (s == null) {
                continue;
            }
            String chunkId = documentId + "#" + chunks.size();
            Map<String, EntityRecord> mentions = new LinkedHashMap<>();
            mentions.put(s.id(), new EntityRecord(s.id(), s.name()));
            List<FactRecord> facts = new ArrayList<>();
            List<String> phrases = new ArrayList<>();
            for (Triple t : e.getValue()) {
                if (LABELS.contains(t.getPredicate())) {
                    continue;
                }
                String predicate = predicate(t.getPredicate(), labels);
                Node o = t.getObject();
                Named object = o.isLiteral() ? literal(o) : named(o, labels);
                if (object == null) {
                    if (o.isLiteral() && !o.getLiteralLexicalForm().isBlank()) {
                        phrases.add(predicate + " " + o.getLiteralLexicalForm().strip());
                    }
                    continue;
                }
                phrases.add(predicate + " " + object.name());
                mentions.putIfAbsent(object.id(), new EntityRecord(object.id(), object.name()));
                if (!object.id().equals(s.id())) {
                    facts.add(new FactRecord(s.id(), predicate, object.id(), chunkId));
                }
            }
            if (phrases.isEmpty()) {
                continue; // a node known only by its label is named where it is used
            }
            String sentence = s.name() + ": " + String.join("; ", phrases) + ".";
            int start = text.length();
            text.append(sentence).append('\n');
            chunks.add(new TextChunk(chunkId, documentId, chunks.size(), sentence, sentence.split("\\s+").length,
                    start, start + sentence.length()));
            knowledge.add(new ChunkKnowledge(chunkId, List.copyOf(mentions.values()), facts));
        }
        return new Mapped(new SourceDocument(documentId, title, source, text.toString(), Map.of("format", "rdf")),
                chunks, knowledge);
    }

    /** The best label of every labelled node: English first, then untagged, then any language. */
    private static Map<Node, String> labels(ParsedRdf rdf) {
        Map<Node, String> best = new HashMap<>();
        Map<Node, Integer> rank = new HashMap<>();
        rdf.bySubject().forEach((subject, triples) -> {
            for (Triple t : triples) {
                if (!LABELS.contains(t.getPredicate()) || !t.getObject().isLiteral()) {
                    continue;
                }
                String lang = t.getObject().getLiteralLanguage().toLowerCase(Locale.ROOT);
                int r = lang.equals("en") || lang.startsWith("en-") ? 0 : lang.isEmpty() ? 1 : 2;
                String label = t.getObject().getLiteralLexicalForm().strip();
                if (!label.isEmpty() && r < rank.getOrDefault(subject, Integer.MAX_VALUE)) {
                    best.put(subject, label);
                    rank.put(subject, r);
                }
            }
        });
        return best;
    }

    private Named named(Node node, Map<Node, String> labels) {
        String name = labels.get(node);
        if (name == null && node.isURI()) {
            name = localName(node.getURI()).replace('_', ' ').strip();
        }
        if (name == null || name.isEmpty()) {
            return null;
        }
        String id = normalizer.normalize(name);
        return id.isEmpty() ? null : new Named(id, name);
    }

    private Named literal(Node literal) {
        String value = literal.getLiteralLexicalForm().strip();
        if (value.isEmpty() || value.length() > MAX_LITERAL_ENTITY_LENGTH) {
            return null;
        }
        String id = normalizer.normalize(value);
        return id.isEmpty() ? null : new Named(id, value);
    }

    /** The readable predicate: the property's label in the file, else its local name split at camelCase. */
    static String predicate(Node property, Map<Node, String> labels) {
        if (property.equals(RDF.type.asNode())) {
            return "is a";
        }
        String label = labels.get(property);
        if (label != null) {
            return label;
        }
        String local = localName(property.getURI());
        String spaced = local.replaceAll("([\\p{Ll}\\p{N}])(\\p{Lu})", "$1 $2")
                .replaceAll("(\\p{Lu})(\\p{Lu}\\p{Ll})", "$1 $2")
                .replaceAll("[_\\-.]+", " ");
        return spaced.strip().toLowerCase(Locale.ROOT);
    }

    /** The part of an IRI after its last '#', '/' or ':', percent-decoded. */
    static String localName(String iri) {
        String trimmed = iri.replaceAll("[/#]+$", "");
        int cut = Math.max(trimmed.lastIndexOf('#'), Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(':')));
        String local = trimmed.substring(cut + 1);
        try {
            return URLDecoder.decode(local.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return local;
        }
    }
}
