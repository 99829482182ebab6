package dev.engram.retrieval.eval;

import java.util.Arrays;

/** Percentiles of a set of latencies, nearest-rank. */
public final class LatencyStats {
    private LatencyStats() {}

    /** The {@code p}-th percentile (0–100) of {@code millis}, nearest-rank; 0 for no samples. */
    public static double percentile(double[] millis, double p) {
        if (millis.length == 0) {
            return 0;
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
