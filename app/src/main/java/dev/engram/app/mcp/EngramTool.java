package dev.engram.app.mcp;

import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.Map;

/** A tool's definition (name, description, input schema, hints) and its body, before it is bound to a server. */
record EngramTool(Tool tool, Body body) {

    /** What the tool does; returns a value that serializes to a JSON object, or throws a refusal. */
    @FunctionalInterface
    interface Body {
        Object call(ToolCall call);
    }

    /** A read-only tool. */
    static EngramTool reading(String name, String title, String description, Map<String, Object> schema, Body body) {
        return new EngramTool(definition(name, title, description, schema, ToolAnnotations.builder().title(title)
                .readOnlyHint(true).destructiveHint(false).idempotentHint(true).openWorldHint(false).build()), body);
    }

    /** A tool that changes the graph; {@code destructive} when it removes data. */
    static EngramTool writing(String name, String title, String description, Map<String, Object> schema,
                              boolean destructive, Body body) {
        return new EngramTool(definition(name, title, description, schema, ToolAnnotations.builder().title(title)
                .readOnlyHint(false).destructiveHint(destructive).idempotentHint(true).openWorldHint(false).build()), body);
    }

    private static Tool definition(String name, String title, String description, Map<String, Object> schema,
                                   ToolAnnotations annotations) {
        return Tool.builder(name, schema).title(title).description(description).annotations(annotations).build();
    }
}
