package dev.engram.app.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a tool's input schema (a JSON Schema object) property by property, so bounds sit beside descriptions. */
final class JsonSchema {
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();

    private JsonSchema() {}

    /** An object schema with no properties yet. */
    static JsonSchema object() {
        return new JsonSchema();
    }

    /** A required string of 1 to {@code maxLength} characters. */
    JsonSchema requiredString(String name, String description, int maxLength) {
        required.add(name);
        return string(name, description, maxLength);
    }

    /** An optional string of at most {@code maxLength} characters. */
    JsonSchema string(String name, String description, int maxLength) {
        properties.put(name, map("type", "string", "description", description, "minLength", 1, "maxLength", maxLength));
        return this;
    }

    /** An optional string that must be one of {@code values}. */
    JsonSchema choice(String name, String description, List<String> values, String defaultValue) {
        properties.put(name, map("type", "string", "description", description, "enum", values, "default", defaultValue));
        return this;
    }

    /** An optional integer between {@code min} and {@code max}. */
    JsonSchema integer(String name, String description, int min, int max, int defaultValue) {
        properties.put(name, map("type", "integer", "description", description, "minimum", min, "maximum", max,
                "default", defaultValue));
        return this;
    }

    /** An array of strings, required when {@code minItems > 0}. */
    JsonSchema strings(String name, String description, int minItems, int maxItems, int maxLength) {
        if (minItems > 0) {
            required.add(name);
        }
        properties.put(name, map("type", "array", "description", description, "minItems", minItems, "maxItems", maxItems,
                "items", map("type", "string", "minLength", 1, "maxLength", maxLength)));
        return this;
    }

    /** An optional free-form JSON object. */
    JsonSchema freeObject(String name, String description) {
        properties.put(name, map("type", "object", "description", description));
        return this;
    }

    /** The schema as the map the SDK sends. */
    Map<String, Object> build() {
        Map<String, Object> schema = map("type", "object", "properties", new LinkedHashMap<>(properties));
        if (!required.isEmpty()) {
            schema.put("required", List.copyOf(required));
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
