package dev.engram.app.server.query;

import java.util.List;

/** {@code POST /api/query}: a question, the retrieval mode (default graphrag), passages wanted, and optionally a narrower view. */
public record QueryRequest(String question, String mode, Integer topK, String tenant, List<String> groups) {}
