package dev.engram.app.server.sparql;

/** {@code POST /api/sparql}: a read-only SPARQL query and, for CONSTRUCT/DESCRIBE, {@code json} or {@code turtle}. */
public record SparqlRequest(String query, String format) {}
