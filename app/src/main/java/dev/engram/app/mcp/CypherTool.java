package dev.engram.app.mcp;

import dev.engram.app.server.ApiException;
import dev.engram.app.server.cypher.CypherRunner;

/** {@code read_cypher}: read-only Cypher through the {@link CypherRunner} behind {@code /api/cypher}, with its guard and limits. */
record CypherTool(CypherRunner runner) {
    static final int MAX_QUERY_CHARS = 20_000;


    EngramTool tool() {
        return EngramTool.reading("read_cypher", "Run read-only Cypher",
                """
                Run a read-only Cypher query against the Neo4j knowledge graph, with $parameters. Call graph_schema \
                first for the labels, relationship types and properties. Writes, schema changes, procedures that \
                administer the database, LOAD CSV and APOC are refused; the query has a time limit and the rows are \
                capped (truncated=true when cut). Returns columns, rows (nodes and relationships as maps), the graph of \
                nodes and relationships found, and stats. Prefer the other tools for search and retrieval.""",
                JsonSchema.object()
                        .requiredString("query", "The Cypher query, e.g. MATCH (e:Entity {id: $id})-[r:RELATION]->(o) RETURN r.predicate, o.name",
                                MAX_QUERY_CHARS)
                        .freeObject("parameters", "Query parameters by name, e.g. {\"id\": \"ridley scott\"}.")
                        .build(),
                call -> {
                    // the key rule of POST /api/cypher: raw Cypher cannot be confined to one tenant's documents
                    if (!call.caller().unrestricted()) {
                        throw ApiException.forbidden("read_cypher is available only to unrestricted API keys (tenant '*'): "
                                + "raw Cypher cannot be confined to one tenant's documents");
                    }
                    return runner.run(call.arguments().requiredString("query"), call.arguments().object("parameters"));
                });
    }
}
