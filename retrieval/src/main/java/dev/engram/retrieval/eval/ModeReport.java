package dev.engram.retrieval.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One mode's figures over a question set: metric name ("recall@5", "all-evidence@8") to value, latency, and the
 * median of each pipeline stage the retriever timed ("embed", "dense", "ppr", ...), in milliseconds.
 */
public record ModeReport(Map<String, Double> metrics, double p50Millis, double p95Millis,
                         Map<String, Double> stageP50Millis) {
    public ModeReport {
        metrics = Map.copyOf(metrics);
        stageP50Millis = Collections.unmodifiableMap(new LinkedHashMap<>(stageP50Millis));
    }
}
