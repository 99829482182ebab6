package dev.engram.retrieval.eval;

import java.util.List;

/** One evaluation question with the corpus ids of the passages that together support its answer. */
public record EvalQuestion(String id, String question, List<String> answers, List<String> goldIds, String type) {
    public EvalQuestion {
        answers = answers == null ? List.of() : List.copyOf(answers);
        goldIds = List.copyOf(goldIds);
    }
}
