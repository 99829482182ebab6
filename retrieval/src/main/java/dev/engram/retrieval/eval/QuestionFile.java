package dev.engram.retrieval.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads questions in the layout of ../shared/data: one JSON object a line with id, question, answers, gold_ids. */
public final class QuestionFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private QuestionFile() {}

    /** All questions of a file; a malformed line fails with its file and line number. */
    public static List<EvalQuestion> read(Path file) {
        List<EvalQuestion> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                out.add(parse(line, file, number));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read questions from " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static EvalQuestion parse(String line, Path file, int number) {
        try {
            JsonNode n = JSON.readTree(line);
            String question = n.path("question").asText("");
            if (question.isBlank() || !n.path("gold_ids").isArray()) {
                throw new IllegalArgumentException("needs \"question\" and \"gold_ids\"");
            }
            List<String> gold = new ArrayList<>();
            n.get("gold_ids").forEach(g -> gold.add(g.asText()));
            List<String> answers = new ArrayList<>();
            n.path("answers").forEach(a -> answers.add(a.asText()));
            return new EvalQuestion(n.path("id").asText("q" + number), question, answers, gold,
                    n.path("type").asText(""));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ":" + number + ": not a question: " + e.getMessage(), e);
        }
    }
}
