package dev.engram.extraction.triples;

import dev.engram.records.triples.Triple;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A fixture of hand-judged triples (passageId, title, text, subject, predicate, object, correct, note). */
record JudgedSample(List<JsonNode> rows) {

    /** Reads a JSONL fixture from the test classpath. */
    static JudgedSample load(String resource) {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                JudgedSample.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    rows.add(mapper.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JudgedSample(rows);
    }

    /** The judged-correct triples the extractor no longer produces from their passages. */
    List<String> missingCorrectTriples(RuleTripleExtractor extractor) {
        return judged(extractor, true, false);
    }

    /** The judged-wrong triples the extractor still produces from their passages. */
    List<String> producedWrongTriples(RuleTripleExtractor extractor) {
        return judged(extractor, false, true);
    }

    /**
     * Precision of the extractor's current output on the judged rows: of the judged triples it still produces, the
     * share judged correct (1 when it produces none of them).
     */
    double precision(RuleTripleExtractor extractor) {
        long right = rows.stream().filter(r -> r.get("correct").asBoolean()).count() - missingCorrectTriples(extractor).size();
        long wrong = producedWrongTriples(extractor).size();
        return right + wrong == 0 ? 1 : (double) right / (right + wrong);
    }

    private List<String> judged(RuleTripleExtractor extractor, boolean correct, boolean produced) {
        List<String> out = new ArrayList<>();
        for (JsonNode row : rows) {
            if (row.get("correct").asBoolean() != correct) {
                continue;
            }
            Triple triple = new Triple(row.get("subject").asText(), row.get("predicate").asText(),
                    row.get("object").asText());
            if (extractor.extract(row.get("title").asText(), row.get("text").asText()).contains(triple) == produced) {
                out.add(row.get("passageId").asText() + " " + triple);
            }
        }
        return out;
    }
}
