package dev.engram.store.rdf;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;

/**
 * Writes JSON-LD as the triples stream in: Jena's JSON-LD writers need a whole graph in memory, so this emits one
 * flattened node object ({@code @graph} member) per run of triples with the same subject. A subject that comes
 * back later gets a second node object, which JSON-LD merges on reading. Predicates are compacted with the
 * prefixes given; {@code @id} and {@code @type} values stay absolute IRIs.
 */
final class JsonLdStreamWriter implements StreamRDF {

    private static final String RDF_TYPE = RDF.type.getURI();

    private final JsonGenerator json;
    private final Map<String, String> prefixes = new LinkedHashMap<>();
    private boolean graphOpen;
    private Node subject;
    private final List<String> types = new ArrayList<>();
    private final Map<String, List<Node>> properties = new LinkedHashMap<>();

    JsonLdStreamWriter(OutputStream out) {
        try {
            this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void start() {
        io(json::writeStartObject);
    }

    @Override
    public void prefix(String prefix, String iri) {
        if (!graphOpen) {
            prefixes.put(prefix, iri);
        }
    }

    @Override
    public void triple(Triple triple) {
        openGraph();
        if (!triple.getSubject().equals(subject)) {
            flushNode();
            subject = triple.getSubject();
        }
        String predicate = triple.getPredicate().getURI();
        if (predicate.equals(RDF_TYPE) && triple.getObject().isURI()) {
            types.add(triple.getObject().getURI());
        } else {
            properties.computeIfAbsent(predicate, p -> new ArrayList<>()).add(triple.getObject());
        }
    }

    @Override
    public void quad(Quad quad) {
        triple(quad.asTriple());
    }

    @Override
    public void base(String base) {}

    @Override
    public void version(String version) {}

    @Override
    public void finish() {
        openGraph();
        flushNode();
        io(() -> {
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
        });
    }

    private void openGraph() {
        if (graphOpen) {
            return;
        }
        graphOpen = true;
        io(() -> {
            json.writeObjectFieldStart("@context");
            for (Map.Entry<String, String> p : prefixes.entrySet()) {
                json.writeStringField(p.getKey(), p.getValue());
            }
            json.writeEndObject();
            json.writeArrayFieldStart("@graph");
        });
    }

    private void flushNode() {
        if (subject == null) {
            return;
        }
        io(() -> {
            json.writeStartObject();
            json.writeStringField("@id", id(subject));
            if (!types.isEmpty()) {
                json.writeArrayFieldStart("@type");
                for (String type : types) {
                    json.writeString(type);
                }
                json.writeEndArray();
            }
            for (Map.Entry<String, List<Node>> property : properties.entrySet()) {
                json.writeArrayFieldStart(compact(property.getKey()));
                for (Node value : property.getValue()) {
                    writeValue(value);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        });
        subject = null;
        types.clear();
        properties.clear();
    }

    private void writeValue(Node value) throws IOException {
        json.writeStartObject();
        if (value.isLiteral()) {
            json.writeStringField("@value", value.getLiteralLexicalForm());
            String lang = value.getLiteralLanguage();
            if (lang != null && !lang.isEmpty()) {
                json.writeStringField("@language", lang);
            } else if (!XSDDatatype.XSDstring.getURI().equals(value.getLiteralDatatypeURI())) {
                json.writeStringField("@type", value.getLiteralDatatypeURI());
            }
        } else {
            json.writeStringField("@id", id(value));
        }
        json.writeEndObject();
    }

    private static String id(Node node) {
        return node.isBlank() ? "_:" + node.getBlankNodeLabel().replaceAll("[^A-Za-z0-9_-]", "_") : node.getURI();
    }

    /** "prefix:local" when a prefix covers the IRI, so keys stay readable; otherwise the IRI itself. */
    private String compact(String iri) {
        for (Map.Entry<String, String> p : prefixes.entrySet()) {
            String ns = p.getValue();
            if (iri.startsWith(ns) && iri.length() > ns.length() && !iri.substring(ns.length()).startsWith("//")) {
                return p.getKey() + ":" + iri.substring(ns.length());
            }
        }
        return iri;
    }

    private interface JsonWrite {
        void run() throws IOException;
    }

    private static void io(JsonWrite write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
