package dev.engram.store.rdf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;

/**
 * The triples of one parsed file grouped by subject in first-seen order (named graphs flattened): the importer
 * verbalises a subject's triples together and must know every label before it names an entity.
 */
public final class ParsedRdf extends StreamRDFBase {

    private final Map<Node, List<Triple>> bySubject = new LinkedHashMap<>();
    private long triples;

    @Override
    public void triple(Triple triple) {
        bySubject.computeIfAbsent(triple.getSubject(), s -> new ArrayList<>()).add(triple);
        triples++;
    }

    @Override
    public void quad(Quad quad) {
        triple(quad.asTriple());
    }

    /** Every subject with its triples, in the order subjects first appeared. */
    Map<Node, List<Triple>> bySubject() {
        return bySubject;
    }

    /** The triples of one subject (empty when it has none). */
    List<Triple> of(Node subject) {
        return bySubject.getOrDefault(subject, List.of());
    }

    /** The first object of {@code subject}'s {@code predicate}, or null. */
    Node first(Node subject, Node predicate) {
        for (Triple t : of(subject)) {
            if (t.getPredicate().equals(predicate)) {
                return t.getObject();
            }
        }
        return null;
    }

    /** True when {@code subject} has {@code rdf:type type}. */
    boolean hasType(Node subject, Node type) {
        return of(subject).stream().anyMatch(t -> t.getPredicate().equals(EngramVocabulary.TYPE) && t.getObject().equals(type));
    }

    /** How many triples were read. */
    /** Triples read so far. */
    public long tripleCount() {
        return triples;
    }
}
