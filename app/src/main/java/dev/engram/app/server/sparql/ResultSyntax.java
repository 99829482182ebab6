package dev.engram.app.server.sparql;

import java.util.List;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.springframework.http.MediaType;

/**
 * The syntaxes the SPARQL endpoint answers in, each with the media types that ask for it (the first is its own) and
 * the Jena language that writes it. SELECT and ASK take the result-set syntaxes, CONSTRUCT, DESCRIBE and the
 * service description the RDF ones; each list is in the order the server prefers when a client does not mind.
 */
enum ResultSyntax {
    RESULTS_JSON(ResultSetLang.RS_JSON, "application/sparql-results+json", "application/json"),
    RESULTS_XML(ResultSetLang.RS_XML, "application/sparql-results+xml", "application/xml", "text/xml"),
    CSV(ResultSetLang.RS_CSV, "text/csv"),
    TSV(ResultSetLang.RS_TSV, "text/tab-separated-values"),
    TURTLE(Lang.TURTLE, "text/turtle", "application/x-turtle"),
    N_TRIPLES(Lang.NTRIPLES, "application/n-triples", "text/plain"),
    JSON_LD(Lang.JSONLD, "application/ld+json", "application/json"),
    RDF_XML(Lang.RDFXML, "application/rdf+xml", "application/xml", "text/xml");

    /** What a SELECT can be answered in. */
    static final List<ResultSyntax> RESULT_SETS = List.of(RESULTS_JSON, RESULTS_XML, CSV, TSV);
    /**
     * What an ASK can be answered in. The W3C CSV and TSV formats are for SELECT only; Jena writes a boolean in both
     * but reads it back only from CSV, so TSV, which no client could read, is not offered.
     */
    static final List<ResultSyntax> BOOLEANS = List.of(RESULTS_JSON, RESULTS_XML, CSV);
    /** What a graph (CONSTRUCT, DESCRIBE, the service description) can be answered in. */
    static final List<ResultSyntax> GRAPHS = List.of(TURTLE, N_TRIPLES, JSON_LD, RDF_XML);

    private final Lang lang;
    private final List<MediaType> types;

    ResultSyntax(Lang lang, String... types) {
        this.lang = lang;
        this.types = List.of(types).stream().map(MediaType::parseMediaType).toList();
    }

    /** Jena's language for this syntax. */
    Lang lang() {
        return lang;
    }

    /** The media types that select this syntax, its own first. */
    List<MediaType> types() {
        return types;
    }
}
