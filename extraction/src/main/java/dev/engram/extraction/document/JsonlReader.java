package dev.engram.extraction.document;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.engram.records.document.LoadProblem;
import dev.engram.records.document.SourceDocument;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * JSONL ({@code .jsonl}): one JSON object per line, {@code {"id", "title", "text", ...}}, read line by line so a
 * corpus of any size streams. {@code text} is required (a non-blank string); {@code id} (a string or an integer)
 * defaults to {@code <file id>:<line>}; {@code title} to {@code ""}; every other non-null key becomes metadata.
 * After {@value DocumentLoader#MAX_PROBLEMS_PER_FILE} problems the rest of the file is skipped.
 */
final class JsonlReader implements FormatReader {
    private static final int SNIFF_BYTES = 8192;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** What became of one line when it is no problem to report. */
    private enum Outcome { DOCUMENT, BLANK, REFUSED }

    /** A line's outcome, or the problem to report for it. */
    private record Line(Outcome outcome, String problem) {
        static Line of(Outcome outcome) {
            return new Line(outcome, null);
        }

        static Line problem(String message) {
            return new Line(null, message);
        }
    }

    @Override
    public void read(SourceFile file, DocumentSink sink) {
        String name = file.name();
        int fileProblems = 0;
        try (InputStream raw = Files.newInputStream(file.path());
                BufferedInputStream in = new BufferedInputStream(raw, 1 << 16)) {
            in.mark(SNIFF_BYTES);
            byte[] head = in.readNBytes(SNIFF_BYTES);
            in.reset();
            int nul = TextBytes.nul(head, 0, head.length);
            if (nul >= 0) {
                sink.problem(new LoadProblem(name, TextBytes.lineAt(head, nul), "binary file (NUL byte), not JSONL"));
                return;
            }
            if (head.length == 0) {
                sink.problem(new LoadProblem(name, 0, "empty file"));
                return;
            }
            LineReader lines = new LineReader(in);
            long lineNo = 0;
            long nonBlank = 0;
            byte[] bytes;
            while ((bytes = lines.next()) != null) {
                lineNo++;
                Line line = line(file, bytes, lineNo, sink);
                if (line.outcome() != Outcome.BLANK) {
                    nonBlank++;
                }
                if (line.problem() == null) {
                    continue;
                }
                sink.problem(new LoadProblem(name, lineNo, line.problem()));
                if (++fileProblems >= DocumentLoader.MAX_PROBLEMS_PER_FILE) {
                    sink.problem(new LoadProblem(name, lineNo, "too many problems (" + fileProblems
                            + "); skipping the rest of this file"));
                    return;
                }
            }
            if (nonBlank == 0) {
                sink.problem(new LoadProblem(name, 0, "empty file (no JSON lines)"));
            }
        } catch (IOException e) {
            sink.problem(new LoadProblem(name, 0, "cannot read: " + FileWalker.describe(e)));
        }
    }

    /** Parses one line and hands its document over. */
    private static Line line(SourceFile file, byte[] bytes, long lineNo, DocumentSink sink) {
        int len = bytes.length;
        if (len > 0 && bytes[len - 1] == '\r') {
            len--;
        }
        int from = lineNo == 1 && TextBytes.startsWithBom(bytes, len) ? 3 : 0;
        if (TextBytes.nul(bytes, from, len) >= 0) {
            return Line.problem("binary data (NUL byte) in line");
        }
        String text;
        try {
            text = TextBytes.decodeUtf8(bytes, from, len - from);
        } catch (TextBytes.BadUtf8 e) {
            return Line.problem("invalid UTF-8 at byte " + (e.offset + from) + " of the line");
        }
        if (text.isBlank()) {
            return Line.of(Outcome.BLANK);
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return Line.problem("not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return Line.problem("not a JSON object");
        }
        JsonNode textNode = node.get("text");
        if (textNode == null || textNode.isNull()) {
            return Line.problem("missing \"text\"");
        }
        if (!textNode.isTextual()) {
            return Line.problem("\"text\" is not a string");
        }
        String body = textNode.textValue();
        if (body.isBlank()) {
            return Line.problem("empty \"text\"");
        }
        JsonNode idNode = node.get("id");
        String id;
        if (idNode == null || idNode.isNull() || (idNode.isTextual() && idNode.textValue().isBlank())) {
            id = file.id() + ":" + lineNo;
        } else if (idNode.isTextual() || idNode.isIntegralNumber()) {
            id = idNode.asText();
        } else {
            return Line.problem("\"id\" must be a string or an integer, was "
                    + idNode.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        JsonNode titleNode = node.get("title");
        String title = titleNode == null || titleNode.isNull() ? ""
                : titleNode.isValueNode() ? titleNode.asText() : titleNode.toString();
        Map<String, Object> metadata = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = f.getKey();
            if (key.equals("id") || key.equals("title") || key.equals("text") || f.getValue().isNull()) {
                continue;
            }
            metadata.put(key, JSON.convertValue(f.getValue(), Object.class));
        }
        String source = file.path() + ":" + lineNo;
        boolean taken = sink.document(new SourceDocument(id, title, source, body, metadata), file.name(), lineNo);
        return Line.of(taken ? Outcome.DOCUMENT : Outcome.REFUSED);
    }

    @Override
    public long estimateDocuments(SourceFile file) {
        return countNonBlankLines(file.path());
    }

    /** Lines with anything but spaces, tabs and CRs: a byte scan, no parsing. */
    static long countNonBlankLines(Path file) {
        long count = 0;
        boolean content = false;
        byte[] chunk = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = chunk[i];
                    if (b == '\n') {
                        if (content) {
                            count++;
                        }
                        content = false;
                    } else if (b != ' ' && b != '\t' && b != '\r') {
                        content = true;
                    }
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return content ? count + 1 : count;
    }
}
