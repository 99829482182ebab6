package dev.engram.retrieval.eval;

import dev.engram.retrieval.Mode;
import java.util.List;

/** What one mode retrieved for one question: documents in rank order, and how long it took. */
public record QuestionOutcome(Mode mode, EvalQuestion question, List<String> documents, double millis) {
    public QuestionOutcome {
        documents = List.copyOf(documents);
    }
}
