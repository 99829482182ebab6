package dev.engram.app.server.sparql;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.engram.store.rdf.SparqlResult;
import dev.engram.store.rdf.SparqlResultWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.XSD;

/**
 * A SPARQL answer as JSON: SELECT gives {@code columns} and {@code rows} (one term per column, null when unbound),
 * ASK gives {@code answer}, CONSTRUCT/DESCRIBE give {@code triples} or, in turtle format, {@code turtle}.
 * {@code truncated} says the row cap cut the result. Fields that do not apply to the query form are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SparqlResponse(String kind, List<String> columns, List<List<Term>> rows, Boolean answer,
                             List<TripleTerms> triples, String turtle, boolean truncated) {

    /** One RDF term, as in SPARQL JSON results: type uri, literal or bnode, with a literal's datatype or language. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Term(String type, String value, String datatype, String lang) {

        /** The term for a Jena node. */
        static Term of(Node node) {
            if (node.isURI()) {
                return new Term("uri", node.getURI(), null, null);
            }
            if (node.isBlank()) {
                return new Term("bnode", node.getBlankNodeLabel(), null, null);
            }
            if (node.isLiteral()) {
                String lang = node.getLiteralLanguage();
                String datatype = node.getLiteralDatatypeURI();
                // plain strings and language strings carry no datatype in SPARQL JSON results
                boolean plain = !lang.isEmpty() || datatype == null || XSD.xstring.getURI().equals(datatype);
                return new Term("literal", node.getLiteralLexicalForm(), plain ? null : datatype,
                        lang.isEmpty() ? null : lang);
            }
            return new Term("other", node.toString(), null, null);
        }
    }

    /** One triple of a graph result. */
    public record TripleTerms(Term subject, Term predicate, Term object) {}

    /** The JSON form of a result; {@code turtle} writes a graph result as one Turtle string. */
    static SparqlResponse of(SparqlResult result, boolean turtle) {
        String kind = result.kind().name();
        return switch (result.kind()) {
            case SELECT -> new SparqlResponse(kind, result.variables(), rows(result), null, null, null,
                    result.truncated());
            case ASK -> new SparqlResponse(kind, null, null, result.answer(), null, null, false);
            case CONSTRUCT, DESCRIBE -> turtle
                    ? new SparqlResponse(kind, null, null, null, null, turtle(result), result.truncated())
                    : new SparqlResponse(kind, null, null, null, result.triples().stream().map(SparqlResponse::terms)
                            .toList(), null, result.truncated());
        };
    }

    private static List<List<Term>> rows(SparqlResult result) {
        List<List<Term>> rows = new ArrayList<>(result.rows().size());
        for (Map<String, Node> row : result.rows()) {
            List<Term> terms = new ArrayList<>(result.variables().size());
            result.variables().forEach(v -> terms.add(row.containsKey(v) ? Term.of(row.get(v)) : null));
            rows.add(terms);
        }
        return rows;
    }

    private static TripleTerms terms(Triple t) {
        return new TripleTerms(Term.of(t.getSubject()), Term.of(t.getPredicate()), Term.of(t.getObject()));
    }

    private static String turtle(SparqlResult result) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SparqlResultWriter.write(result, SparqlResultWriter.Format.TTL, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
