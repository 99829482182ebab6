package dev.engram.app.server.sparql;

import dev.engram.app.config.EngramConfig;
import dev.engram.app.runtime.EngramRuntime;
import dev.engram.app.server.ApiException;
import dev.engram.store.rdf.SparqlQueryException;
import dev.engram.store.rdf.SparqlResult;
import dev.engram.store.rdf.SparqlRunner;
import dev.engram.store.search.AccessFilter;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What both SPARQL endpoints share: one {@link SparqlRunner} (so its cached view of the graph serves every request),
 * the {@link SparqlSettings}, and the mapping of refusals to HTTP statuses: 400 for a malformed query or one that
 * reaches outside the graph (SERVICE, FROM, java: functions), 403 for an update, 413 for an over-long query, 504
 * for a timeout.
 */
@Component
public class SparqlEndpoint {
    private final SparqlRunner runner;
    private final SparqlSettings settings;

    SparqlEndpoint(EngramRuntime runtime, EngramConfig config) {
        this.runner = new SparqlRunner(runtime.store());
        this.settings = new SparqlSettings(config.server().sparqlTimeout(), config.server().sparqlMaxRows(),
                config.server().sparqlMaxQueryBytes());
    }

    /** The limits in force. */
    public SparqlSettings settings() {
        return settings;
    }

    /** The form of a query (to choose a result syntax before running it); refuses what {@link #run} would. */
    public SparqlResult.Kind kind(String query) {
        checkSize(query);
        try {
            return runner.kind(query);
        } catch (SparqlQueryException e) {
            throw refusal(e);
        }
    }

    /** Runs a read-only query over what {@code access} may read, within the timeout and the row cap. */
    public SparqlResult run(String query, AccessFilter access) {
        checkSize(query);
        try {
            return runner.run(query, access, settings.timeout(), settings.maxRows());
        } catch (SparqlQueryException e) {
            throw refusal(e);
        }
    }

    /** 413 when {@code text} is over the query size limit. */
    void checkSize(String text) {
        // a UTF-8 character takes at most 4 bytes, so most texts are cleared without encoding them
        if (text.length() > settings.maxQueryBytes() / 4
                && text.getBytes(StandardCharsets.UTF_8).length > settings.maxQueryBytes()) {
            throw tooLarge();
        }
    }

    /** The 413 answer to a query text over the limit. */
    ApiException tooLarge() {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "the SPARQL query is larger than "
                + settings.maxQueryBytes() + " bytes (engram.sparql.max-query-bytes / ENGRAM_SPARQL_MAX_QUERY_BYTES)");
    }

    /** The 403 answer to a SPARQL Update, whichever way it came. */
    static ApiException updateRefused() {
        return ApiException.forbidden("SPARQL Update is not allowed: Engram's SPARQL endpoint is read-only (change "
                + "the graph by ingest, import-rdf or delete)");
    }

    private static ApiException refusal(SparqlQueryException e) {
        return switch (e.reason()) {
            case INVALID, NOT_ALLOWED -> ApiException.badRequest(e.getMessage());
            case READ_ONLY -> updateRefused();
            case TIMEOUT -> new ApiException(HttpStatus.GATEWAY_TIMEOUT, e.getMessage()
                    + " (engram.sparql.timeout / ENGRAM_SPARQL_TIMEOUT)");
        };
    }
}
