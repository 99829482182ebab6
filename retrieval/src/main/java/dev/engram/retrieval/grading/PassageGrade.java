package dev.engram.retrieval.grading;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The grade of one retrieved passage: the grade, the calibrated score it came from (an estimate in [0, 1] that the
 * passage is evidence for the question) and the signals the score was computed from, for {@code --explain}.
 */
public record PassageGrade(String chunkId, String documentId, Grade grade, double score, Map<String, Double> signals) {
    public PassageGrade {
        if (grade == null) {
            throw new IllegalArgumentException("grade is required");
        }
        signals = Collections.unmodifiableMap(new LinkedHashMap<>(signals));
    }
}
