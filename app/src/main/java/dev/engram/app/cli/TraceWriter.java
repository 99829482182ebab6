package dev.engram.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engram.retrieval.eval.Evaluator;
import dev.engram.retrieval.eval.QuestionOutcome;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes {@code eval --trace}: a JSON line per question and mode, to find which questions a mode misses and why. */
final class TraceWriter implements Evaluator.Trace, AutoCloseable {
    private static final int SHOWN = 10;
    private final ObjectMapper json = new ObjectMapper();
    private final BufferedWriter out;

    TraceWriter(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        out = Files.newBufferedWriter(file);
    }

    @Override
    public void outcome(QuestionOutcome o) {
        List<String> gold = o.question().goldIds();
        List<String> shown = o.documents().subList(0, Math.min(SHOWN, o.documents().size()));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("mode", o.mode().id());
        line.put("id", o.question().id());
        line.put("question", o.question().question());
        line.put("gold", gold);
        line.put("retrieved", shown);
        // rank of each gold document (1-based), or 0 when it is not among the retrieved
        line.put("gold_ranks", gold.stream().mapToInt(g -> o.documents().indexOf(g) + 1).toArray());
        line.put("ms", Math.round(o.millis() * 10) / 10.0);
        if (!o.seeds().isEmpty()) {
            // [name, via, link score, reset weight]: which entities the walk started from
            line.put("seeds", o.seeds().stream().map(s -> List.of(s.name(), s.via(),
                    Math.round(s.linkScore() * 1000) / 1000.0, s.weight())).toList());
        }
        if (o.weighting() != null) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("graph_share", o.weighting().graphShare());
            w.put("reason", o.weighting().reason());
            w.put("signals", o.weighting().signals());
            w.put("bridge_share", o.weighting().bridgeShare());
            w.put("bridge_chunks", o.weighting().bridgeChunks());
            w.put("bridge_facts", o.weighting().bridgeFacts());
            line.put("weighting", w);
        }
        if (o.coverage() != null) {
            line.put("covered", o.coverage().covered());
        }
        if (!o.grades().isEmpty()) {
            // [document, grade, score, signals] of each passage, in rank order
            line.put("grades", o.grades().stream().limit(SHOWN * 2).map(g -> List.of(g.documentId(), g.grade().id(),
                    Math.round(g.score() * 10000) / 10000.0, g.signals())).toList());
        }
        if (!o.paths().isEmpty()) {
            line.put("paths", o.paths());
        }
        if (!o.notes().isEmpty()) {
            line.put("notes", o.notes());
        }
        try {
            out.write(json.writeValueAsString(line));
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
