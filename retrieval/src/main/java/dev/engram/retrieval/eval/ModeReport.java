package dev.engram.retrieval.eval;

import java.util.Map;

/** One mode's figures over a question set: metric name ("recall@5", "all-evidence@8") to value, and latency. */
public record ModeReport(Map<String, Double> metrics, double p50Millis, double p95Millis) {
    public ModeReport {
        metrics = Map.copyOf(metrics);
    }
}
