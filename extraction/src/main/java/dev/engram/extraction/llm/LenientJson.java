package dev.engram.extraction.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the JSON an LLM meant to write: strips markdown code fences and chatter around the value, accepts single
 * quotes, trailing commas, comments and unquoted keys, and cuts a truncated answer back to its last complete element.
 */
final class LenientJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private static final Pattern FENCE = Pattern.compile("```[a-zA-Z]*\\s*\\n?(.*?)(?:```|$)", Pattern.DOTALL);

    /**
     * The outermost JSON value (object or array) in {@code raw}, repaired if needed.
     *
     * @return the value and whether repairs beyond lenient syntax were needed, or empty if nothing usable is there
     */
    static Optional<Parsed> parse(String raw) {
        if (raw == null) return Optional.empty();
        String text = stripFences(raw);
        int start = firstOpening(text);
        if (start < 0) return Optional.empty();
        Scan scan = scan(text, start);
        if (scan.complete()) {
            Optional<JsonNode> node = read(text.substring(start, scan.end()));
            if (node.isPresent()) return Optional.of(new Parsed(node.get(), false));
        }
        // Truncated (or broken beyond lenient syntax): cut back to the last complete element and close what is open.
        if (scan.safeCut() < 0) return Optional.empty();
        String repaired = text.substring(start, scan.safeCut()).replaceAll(",\\s*$", "") + closers(scan.openAtCut());
        return read(repaired).map(n -> new Parsed(n, true));
    }

    /** A parsed value; {@code repaired} is true when part of the text had to be dropped to read it. */
    record Parsed(JsonNode value, boolean repaired) {}

    private static String stripFences(String raw) {
        if (!raw.contains("```")) return raw;
        Matcher m = FENCE.matcher(raw);
        // The first fenced block that holds a JSON value; models sometimes put an explanation in a fence first.
        while (m.find()) {
            if (firstOpening(m.group(1)) >= 0) return m.group(1);
        }
        return raw.replace("```", "");
    }

    private static int firstOpening(String text) {
        int brace = text.indexOf('{');
        int bracket = text.indexOf('[');
        if (brace < 0) return bracket;
        if (bracket < 0) return brace;
        return Math.min(brace, bracket);
    }

    private static Optional<JsonNode> read(String json) {
        try {
            return Optional.ofNullable(MAPPER.readTree(json)).filter(n -> n.isContainerNode());
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /**
     * Walks from {@code start}, tracking strings and nesting.
     *
     * @param complete  whether the opening value was closed
     * @param end       index after the closing bracket (when complete)
     * @param safeCut   index after the last complete element inside an array, or -1
     * @param openAtCut the brackets still open at {@code safeCut}, innermost last
     */
    private record Scan(boolean complete, int end, int safeCut, String openAtCut) {}

    private static Scan scan(String text, int start) {
        Deque<Character> open = new ArrayDeque<>();
        int safeCut = -1;
        String openAtCut = "";
        char quote = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                    if (!open.isEmpty() && open.peek() == '[') {
                        safeCut = i + 1;
                        openAtCut = stack(open);
                    }
                }
                continue;
            }
            switch (c) {
                case '"', '\'' -> quote = c;
                case '{', '[' -> open.push(c);
                case '}', ']' -> {
                    if (open.isEmpty()) return new Scan(false, i, safeCut, openAtCut);
                    open.pop();
                    if (open.isEmpty()) return new Scan(true, i + 1, safeCut, openAtCut);
                    if (open.peek() == '[') {
                        safeCut = i + 1;
                        openAtCut = stack(open);
                    }
                }
                default -> { }
            }
        }
        return new Scan(false, text.length(), safeCut, openAtCut);
    }

    private static String stack(Deque<Character> open) {
        StringBuilder s = new StringBuilder();
        open.descendingIterator().forEachRemaining(s::append);
        return s.toString();
    }

    private static String closers(String openAtCut) {
        StringBuilder s = new StringBuilder();
        for (int i = openAtCut.length() - 1; i >= 0; i--) s.append(openAtCut.charAt(i) == '{' ? '}' : ']');
        return s.toString();
    }

    private LenientJson() {}
}
