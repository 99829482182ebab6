package dev.engram.app.mcp;

import dev.engram.app.server.ApiException;
import dev.engram.app.server.graph.GraphQueries;
import dev.engram.app.server.security.Caller;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.ResourceTemplate;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resources: the graph's schema ({@code engram://schema}) and any readable document or chunk by URI
 * ({@code engram://documents/{id}}, {@code engram://chunks/{id}}, the id percent-encoded), read through the same
 * services and access rule as the tools.
 */
record EngramResources(GraphQueries graph, GraphSchema schema, ToolReplies replies, McpCallers callers) {
    static final String SCHEMA_URI = "engram://schema";
    static final String DOCUMENTS = "engram://documents/";
    static final String CHUNKS = "engram://chunks/";
    private static final String JSON = "application/json";
    private static final Logger LOG = LoggerFactory.getLogger(EngramResources.class);


    /** The URI of a document. */
    static String documentUri(String id) {
        return DOCUMENTS + encode(id);
    }

    /** The URI of a chunk. */
    static String chunkUri(String id) {
        return CHUNKS + encode(id);
    }

    List<SyncResourceSpecification> resources() {
        return List.of(new SyncResourceSpecification(Resource.builder(SCHEMA_URI, "graph-schema").title("Graph schema")
                .description("Labels, relationship types, the model's patterns, counts and the most frequent predicates "
                        + "of the knowledge graph, as you may see it.").mimeType(JSON).build(),
                read((caller, uri) -> schema.describe(caller.access(), 50))));
    }

    List<SyncResourceTemplateSpecification> templates() {
        return List.of(
                new SyncResourceTemplateSpecification(ResourceTemplate.builder(DOCUMENTS + "{id}", "document")
                        .title("Document").description("A document with its chunks in reading order; {id} is the "
                                + "percent-encoded document id.").mimeType(JSON).build(),
                        read((caller, uri) -> graph.document(id(uri, DOCUMENTS), caller.access()))),
                new SyncResourceTemplateSpecification(ResourceTemplate.builder(CHUNKS + "{id}", "chunk")
                        .title("Chunk").description("A chunk (a cited passage) with the entities it mentions and the "
                                + "facts extracted from it; {id} is the percent-encoded chunk id.").mimeType(JSON).build(),
                        read((caller, uri) -> graph.chunk(id(uri, CHUNKS), caller.access()))));
    }

    /** A read handler: the value as JSON text, refusals as MCP errors with their message, nothing internal. */
    private BiFunction<McpSyncServerExchange, McpSchema.ReadResourceRequest, ReadResourceResult> read(
            BiFunction<Caller, String, Object> body) {
        return (exchange, request) -> {
            String uri = request.uri();
            try {
                Object value = body.apply(callers.of(exchange), uri);
                return ReadResourceResult.builder(List.of(TextResourceContents.builder(uri, replies.text(value))
                        .mimeType(JSON).build())).build();
            } catch (ApiException e) {
                int code = e.status().value() == 404 ? McpSchema.ErrorCodes.RESOURCE_NOT_FOUND : McpSchema.ErrorCodes.INVALID_PARAMS;
                throw McpError.builder(code).message(e.getMessage()).data(uri).build();
            } catch (IllegalArgumentException e) {
                throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(e.getMessage()).data(uri).build();
            } catch (RuntimeException e) {
                LOG.error("MCP resource {} failed", uri, e);
                throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
                        .message("the server could not read this resource because of an internal error").build();
            }
        };
    }

    private static String id(String uri, String prefix) {
        if (!uri.startsWith(prefix) || uri.length() == prefix.length()) {
            throw ApiException.badRequest("expected a URI like " + prefix + "<id>");
        }
        return URLDecoder.decode(uri.substring(prefix.length()), StandardCharsets.UTF_8);
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
