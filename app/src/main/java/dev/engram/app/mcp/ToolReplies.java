package dev.engram.app.mcp;

import dev.engram.app.server.ApiException;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a service returned into a tool result (structured content plus the same JSON as text, for hosts that
 * read only text) and what it threw into a tool error a model can act on: the refusal's message for requests
 * the server turns down, a fixed sentence for anything unexpected, never a stack trace.
 */
record ToolReplies(McpJsonMapper json) {
    private static final Logger LOG = LoggerFactory.getLogger(ToolReplies.class);
    private static final TypeRef<Map<String, Object>> OBJECT = new TypeRef<>() {};


    /** Runs a tool body: its value becomes the result; a refusal or failure becomes a tool error. */
    CallToolResult run(String tool, Supplier<?> body) {
        try {
            return ok(body.get());
        } catch (ApiException e) {
            return error(e.getMessage());
        } catch (IllegalArgumentException e) {
            // the services' own argument checks (an unknown mode, a malformed id) speak to the caller
            return error(e.getMessage() == null ? "invalid arguments" : e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("MCP tool {} failed", tool, e);
            return error("the server could not complete " + tool + " because of an internal error; its log has the details");
        }
    }

    /** A successful result; {@code value} must serialize to a JSON object. */
    CallToolResult ok(Object value) {
        Map<String, Object> structured = json.convertValue(value, OBJECT);
        return CallToolResult.builder().structuredContent(structured).addTextContent(text(structured)).isError(false).build();
    }

    /** A tool error with this message. */
    static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }

    /** The JSON text of a value. */
    String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
