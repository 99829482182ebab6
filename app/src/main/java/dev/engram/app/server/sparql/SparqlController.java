package dev.engram.app.server.sparql;

import dev.engram.app.server.ApiException;
import dev.engram.app.server.security.Caller;
import java.util.Locale;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/sparql}: read-only SPARQL (SELECT, ASK, CONSTRUCT, DESCRIBE) over the RDF view of what the
 * caller may read, answered in Engram's own JSON shape; {@code /sparql} speaks the standard protocol over the same
 * {@link SparqlEndpoint}. Unlike raw Cypher, scoped keys may use it: the runner queries an export filtered by the
 * caller's access, so a query cannot reach another tenant's triples. UPDATE is refused with 403, as Cypher writes are.
 */
@RestController
public record SparqlController(SparqlEndpoint endpoint) {
    @PostMapping("/api/sparql")
    SparqlResponse sparql(@RequestBody SparqlRequest request, Caller caller) {
        if (request == null || request.query() == null || request.query().isBlank()) {
            throw ApiException.badRequest("a JSON body {query, format?} with a non-empty query is required");
        }
        boolean turtle = turtle(request.format());
        return SparqlResponse.of(endpoint.run(request.query(), caller.access()), turtle);
    }

    private static boolean turtle(String format) {
        String f = format == null ? "json" : format.strip().toLowerCase(Locale.ROOT);
        return switch (f) {
            case "json", "" -> false;
            case "turtle", "ttl" -> true;
            default -> throw ApiException.badRequest("unknown format '" + format + "': use json or turtle");
        };
    }
}
