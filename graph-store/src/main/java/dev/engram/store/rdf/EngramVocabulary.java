package dev.engram.store.rdf;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;

/**
 * The IRIs Engram's graph is written in: stable ids for entities, documents, chunks and facts (the percent-encoded
 * graph id under {@code https://engram.dev/id/<kind>/}), one property IRI per readable predicate under
 * {@code https://engram.dev/rel/}, and the {@code engram:} terms for the lexical graph.
 */
public final class EngramVocabulary {

    /** Namespace of Engram's own classes and properties. */
    public static final String NS = "https://engram.dev/ns#";
    /** Namespace of the predicates extracted from text. */
    public static final String REL = "https://engram.dev/rel/";
    /** Namespace of document metadata keys. */
    public static final String META = "https://engram.dev/meta/";
    public static final String ENTITY_NS = "https://engram.dev/id/entity/";
    public static final String DOCUMENT_NS = "https://engram.dev/id/document/";
    public static final String CHUNK_NS = "https://engram.dev/id/chunk/";
    public static final String FACT_NS = "https://engram.dev/id/fact/";
    public static final String SECTION_NS = "https://engram.dev/id/section/";

    public static final Node ENTITY = term("Entity");
    public static final Node DOCUMENT = term("Document");
    public static final Node CHUNK = term("Chunk");
    public static final Node TEXT = term("text");
    public static final Node PART_OF = term("partOf");
    public static final Node NEXT = term("next");
    public static final Node MENTIONS = term("mentions");
    public static final Node SOURCE = term("source");
    public static final Node INDEX = term("index");
    public static final Node TOKEN_COUNT = term("tokenCount");
    public static final Node START = term("start");
    public static final Node END = term("end");
    public static final Node TENANT = term("tenant");
    public static final Node SECTION = term("Section");
    public static final Node LEVEL = term("level");
    public static final Node PAGE_START = term("pageStart");
    public static final Node PAGE_END = term("pageEnd");
    public static final Node IN_SECTION = term("inSection");
    public static final Node FIRST = term("first");
    public static final Node ACL = term("acl");

    public static final Node TYPE = RDF.type.asNode();
    public static final Node LABEL = RDFS.label.asNode();
    public static final Node TITLE = DCTerms.title.asNode();
    public static final Node DC_SOURCE = DCTerms.source.asNode();
    public static final Node STATEMENT = RDF.Statement.asNode();
    public static final Node SUBJECT = RDF.subject.asNode();
    public static final Node PREDICATE = RDF.predicate.asNode();
    public static final Node OBJECT = RDF.object.asNode();
    public static final Node PROPERTY = RDF.Property.asNode();

    /** Prefixes written at the top of every export. */
    public static final Map<String, String> PREFIXES = Map.of(
            "engram", NS, "rel", REL, "meta", META, "entity", ENTITY_NS, "doc", DOCUMENT_NS, "chunk", CHUNK_NS,
            "fact", FACT_NS, "rdf", RDF.getURI(), "rdfs", RDFS.getURI(), "dcterms", DCTerms.getURI());

    static final String XSD_NS = XSD.NS;

    private EngramVocabulary() {}

    private static Node term(String local) {
        return NodeFactory.createURI(NS + local);
    }

    /** The IRI of the entity with this graph id. */
    public static Node entity(String id) {
        return NodeFactory.createURI(ENTITY_NS + encode(id));
    }

    /** The IRI of the document with this id. */
    public static Node document(String id) {
        return NodeFactory.createURI(DOCUMENT_NS + encode(id));
    }

    /** The IRI of the section with this id. */
    public static Node section(String id) {
        return NodeFactory.createURI(SECTION_NS + encode(id));
    }

    /** The IRI of the chunk with this id. */
    public static Node chunk(String id) {
        return NodeFactory.createURI(CHUNK_NS + encode(id));
    }

    /** The property IRI of a readable predicate: letters and digits kept, spaces as '_', the rest percent-encoded. */
    public static Node relation(String predicate) {
        StringBuilder slug = new StringBuilder();
        for (byte b : predicate.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                slug.append(c);
            } else if (c == ' ') {
                slug.append('_');
            } else {
                slug.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return NodeFactory.createURI(REL + slug);
    }

    /** The IRI of the statement node that carries a fact's provenance: a hash, so it is stable and short. */
    public static Node fact(String subjectId, String predicate, String objectId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((subjectId + '\u0000' + predicate + '\u0000' + objectId).getBytes(StandardCharsets.UTF_8));
            return NodeFactory.createURI(FACT_NS + HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The property IRI of a document metadata key. */
    public static Node meta(String key) {
        return NodeFactory.createURI(META + encode(key));
    }

    /** The graph id inside an IRI of {@code namespace}, or null when the node is not such an IRI. */
    public static String idIn(String namespace, Node node) {
        if (!node.isURI() || !node.getURI().startsWith(namespace)) {
            return null;
        }
        return decode(node.getURI().substring(namespace.length()));
    }

    /** The predicate a {@link #relation} IRI was made from, or null for other nodes. */
    public static String predicateOf(Node node) {
        if (!node.isURI() || !node.getURI().startsWith(REL)) {
            return null;
        }
        return decode(node.getURI().substring(REL.length()).replace("_", "%20"));
    }

    static String encode(String id) {
        // URLEncoder writes spaces as '+', which is not a space in an IRI path
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String decode(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }
}
