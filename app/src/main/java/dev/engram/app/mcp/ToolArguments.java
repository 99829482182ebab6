package dev.engram.app.mcp;

import dev.engram.app.server.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tool call's arguments, read with the checks a JSON body gets over REST: a wrong type or a missing required
 * value is a 400-style refusal with the argument's name, never a ClassCastException.
 */
final class ToolArguments {
    private final Map<String, Object> values;

    ToolArguments(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    /** A string that must be present and not blank. */
    String requiredString(String name) {
        String value = string(name);
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(name + " is required and must not be empty");
        }
        return value;
    }

    /** A string, or null when absent. */
    String string(String name) {
        Object value = values.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw ApiException.badRequest(name + " must be a string");
    }

    /** An integer, or null when absent (so the REST defaults apply). */
    Integer integer(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw ApiException.badRequest(name + " must be an integer");
    }

    /** An integer, or {@code fallback} when absent. */
    int integer(String name, int fallback) {
        Integer value = integer(name);
        return value == null ? fallback : value;
    }

    /** A list of strings, or an empty list when absent. */
    List<String> strings(String name) {
        Object value = values.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>(list.size());
            for (Object item : list) {
                if (!(item instanceof String s)) {
                    throw ApiException.badRequest(name + " must be a list of strings");
                }
                out.add(s);
            }
            return out;
        }
        throw ApiException.badRequest(name + " must be a list of strings");
    }

    /** A JSON object, or null when absent. */
    @SuppressWarnings("unchecked")
    Map<String, Object> object(String name) {
        Object value = values.get(name);
        if (value == null || value instanceof Map<?, ?>) {
            return (Map<String, Object>) value;
        }
        throw ApiException.badRequest(name + " must be a JSON object");
    }
}
