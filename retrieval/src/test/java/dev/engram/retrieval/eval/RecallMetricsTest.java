package dev.engram.retrieval.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecallMetricsTest {
    private final List<String> ranked = List.of("a", "b", "c", "d", "e");

    @Test
    void recallCountsGoldInTopK() {
        assertThat(RecallMetrics.recallAt(ranked, List.of("b", "e"), 2)).isEqualTo(0.5);
        assertThat(RecallMetrics.recallAt(ranked, List.of("b", "e"), 5)).isEqualTo(1.0);
        assertThat(RecallMetrics.recallAt(ranked, List.of("x"), 5)).isZero();
    }

    @Test
    void allEvidenceNeedsEveryGoldPassage() {
        assertThat(RecallMetrics.allEvidenceAt(ranked, List.of("a", "d"), 3)).isZero();
        assertThat(RecallMetrics.allEvidenceAt(ranked, List.of("a", "d"), 4)).isEqualTo(1.0);
    }

    @Test
    void shortRankingAndDuplicateGoldAreHandled() {
        assertThat(RecallMetrics.recallAt(List.of("a"), List.of("a", "a", "b"), 8)).isEqualTo(0.5);
    }

    @Test
    void percentilesAreNearestRank() {
        double[] ms = {5, 1, 4, 2, 3};
        assertThat(LatencyStats.percentile(ms, 50)).isEqualTo(3);
        assertThat(LatencyStats.percentile(ms, 95)).isEqualTo(5);
        assertThat(LatencyStats.percentile(new double[0], 50)).isZero();
    }
}
