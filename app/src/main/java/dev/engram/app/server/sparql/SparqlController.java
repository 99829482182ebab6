package dev.engram.app.server.sparql;

import dev.engram.app.runtime.EngramRuntime;
import dev.engram.app.server.ApiException;
import dev.engram.app.server.security.Caller;
import dev.engram.store.rdf.SparqlQueryException;
import dev.engram.store.rdf.SparqlRunner;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/sparql}: read-only SPARQL (SELECT, ASK, CONSTRUCT, DESCRIBE) over the RDF view of what the
 * caller may read. Unlike raw Cypher, scoped keys may use it: the runner queries an export filtered by the
 * caller's access, so a query cannot reach another tenant's triples. UPDATE is refused with 403, as Cypher writes are.
 */
@RestController
public class SparqlController {
    private final SparqlRunner runner;
    private final Duration timeout;
    private final int maxRows;

    // one runner for the server, so its cached view of the graph is shared between requests
    SparqlController(EngramRuntime runtime,
                     @Value("${engram.sparql.timeout:${engram.cypher.timeout:10s}}") Duration timeout,
                     @Value("${engram.sparql.max-rows:${engram.cypher.max-rows:1000}}") int maxRows) {
        this.runner = new SparqlRunner(runtime.store());
        this.timeout = timeout;
        this.maxRows = maxRows;
    }

    @PostMapping("/api/sparql")
    SparqlResponse sparql(@RequestBody SparqlRequest request, Caller caller) {
        if (request == null || request.query() == null || request.query().isBlank()) {
            throw ApiException.badRequest("a JSON body {query, format?} with a non-empty query is required");
        }
        boolean turtle = turtle(request.format());
        try {
            return SparqlResponse.of(runner.run(request.query(), caller.access(), timeout, maxRows), turtle);
        } catch (SparqlQueryException e) {
            throw switch (e.reason()) {
                case INVALID -> ApiException.badRequest(e.getMessage());
                case READ_ONLY -> ApiException.forbidden(e.getMessage());
                case TIMEOUT -> new ApiException(HttpStatus.GATEWAY_TIMEOUT, e.getMessage()
                        + " (engram.sparql.timeout / ENGRAM_SPARQL_TIMEOUT)");
            };
        }
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
