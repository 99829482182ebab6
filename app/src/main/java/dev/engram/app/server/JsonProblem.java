package dev.engram.app.server;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says where a JSON body broke without repeating the parser's message, which names Java types and classes:
 * the field (from the reference chain) and the line and column.
 */
final class JsonProblem {
    private static final Pattern FIELD = Pattern.compile("\\[\"([^\"]{1,64})\"\\]");
    private static final Pattern WHERE = Pattern.compile("line: (\\d+), column: (\\d+)");

    private JsonProblem() {}

    static String describe(Throwable cause) {
        String message = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
        StringBuilder out = new StringBuilder();
        Matcher field = FIELD.matcher(message);
        String last = null;
        while (field.find()) {
            last = field.group(1);
        }
        boolean syntax = message.contains("Unexpected character") || message.contains("Unexpected end-of-input")
                || message.contains("Unrecognized token") || message.contains("was expecting");
        if (last != null && !syntax) {
            out.append("field '").append(last).append("' has the wrong type or value");
        } else if (message.contains("No content") || message.isEmpty() || message.contains("end-of-input")) {
            out.append(syntax ? "the JSON ends too early" : "a JSON body is required");
        } else {
            out.append("not valid JSON");
        }
        Matcher where = WHERE.matcher(message);
        if (where.find()) {
            out.append(" (line ").append(where.group(1)).append(", column ").append(where.group(2)).append(')');
        }
        return out.toString();
    }
}
