package dev.engram.app.server.cypher;

import java.util.List;
import java.util.Map;

/**
 * Query results twice: as rows (columns and values, nodes and relationships as maps) and as the graph of every
 * node and relationship in them; {@code truncated} says the row cap cut the result.
 */
public record CypherResponse(List<String> columns, List<List<Object>> rows, boolean truncated, GraphView graph,
                             Map<String, Object> stats) {

    /** Nodes and relationships found in the rows, each once. */
    public record GraphView(List<Map<String, Object>> nodes, List<Map<String, Object>> relationships) {}
}
