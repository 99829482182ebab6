package dev.engram.app.server.sparql;

import java.time.Duration;

/**
 * Limits of the SPARQL endpoints: how long a query may run, how many rows or triples it may return, and how many
 * bytes (UTF-8) its text may have.
 */
public record SparqlSettings(Duration timeout, int maxRows, int maxQueryBytes) {

    public SparqlSettings {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("engram.sparql.timeout must be positive, got " + timeout);
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("engram.sparql.max-rows must be at least 1, got " + maxRows);
        }
        if (maxQueryBytes < 1) {
            throw new IllegalArgumentException("engram.sparql.max-query-bytes must be at least 1, got " + maxQueryBytes);
        }
    }
}
