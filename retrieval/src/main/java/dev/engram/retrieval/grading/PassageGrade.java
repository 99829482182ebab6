package dev.engram.retrieval.grading;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The grade of one retrieved passage: the grade, the calibrated score it came from (an estimate in [0, 1] that the
 * passage is evidence for the question) and the signals the score was computed from, for {@code --explain};
 * {@code gradedBy} says who set the grade ({@code offline} or {@code llm}), and {@code supports}, for an LLM grade,
 * whether the passage states (part of) the answer (null when not judged).
 */
public record PassageGrade(String chunkId, String documentId, Grade grade, double score, Map<String, Double> signals,
                           String gradedBy, Boolean supports) {
    public PassageGrade {
        if (grade == null) {
            throw new IllegalArgumentException("grade is required");
        }
        signals = Collections.unmodifiableMap(new LinkedHashMap<>(signals));
        gradedBy = gradedBy == null ? "offline" : gradedBy;
    }

    /** An offline grade. */
    public PassageGrade(String chunkId, String documentId, Grade grade, double score, Map<String, Double> signals) {
        this(chunkId, documentId, grade, score, signals, "offline", null);
    }

    /** This passage graded by the LLM: relevant or irrelevant, and whether it supports the answer. */
    public PassageGrade byLlm(boolean relevant, boolean supportsAnswer) {
        return new PassageGrade(chunkId, documentId, relevant ? Grade.RELEVANT : Grade.IRRELEVANT, score, signals,
                "llm", supportsAnswer);
    }
}
