package dev.engram.app.server.cypher;

import java.util.Map;

/** {@code POST /api/cypher}: a read-only Cypher query and its parameters. */
public record CypherRequest(String query, Map<String, Object> parameters) {}
