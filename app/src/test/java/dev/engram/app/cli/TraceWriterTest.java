package dev.engram.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engram.retrieval.Mode;
import dev.engram.retrieval.eval.EvalQuestion;
import dev.engram.retrieval.eval.QuestionOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceWriterTest {
    @TempDir
    Path dir;

    @Test
    void aLineCarriesTheGoldRanksAndThePathsThatExplainedTheRanking() throws Exception {
        EvalQuestion question = new EvalQuestion("q1", "Who directed Black Hawk Down?", List.of("Ridley Scott"),
                List.of("d2", "d9"), "bridge");
        List<String> paths = List.of("Black Hawk Down —directed by→ Ridley Scott");
        Path file = dir.resolve("traces/eval.jsonl");
        try (TraceWriter trace = new TraceWriter(file)) {
            trace.outcome(new QuestionOutcome(Mode.GRAPHRAG, question, List.of("d1", "d2"), 12.34, List.of(), null,
                    List.of(), null, List.of(), paths));
            trace.outcome(new QuestionOutcome(Mode.DENSE, question, List.of("d2"), 1.0));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        JsonNode graph = new ObjectMapper().readTree(lines.get(0));
        assertThat(graph.get("mode").asText()).isEqualTo("graphrag");
        assertThat(graph.get("gold_ranks").toString()).isEqualTo("[2,0]");
        assertThat(graph.get("ms").asDouble()).isEqualTo(12.3);
        assertThat(graph.get("paths").get(0).asText()).isEqualTo(paths.get(0));
        JsonNode dense = new ObjectMapper().readTree(lines.get(1));
        assertThat(dense.has("paths")).as("a mode without paths writes none").isFalse();
    }
}
