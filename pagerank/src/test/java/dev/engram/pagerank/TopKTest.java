package dev.engram.pagerank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopKTest {

    @Test
    void matchesAFullSortOnRandomScoresWithTies() {
        Random random = new Random(1);
        double[] scores = new double[5_000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = random.nextInt(300) / 300.0; // many ties
        }
        for (int k : new int[] {0, 1, 7, 100, 5_000, 6_000}) {
            int[] expected = IntStream.range(0, scores.length).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i))
                    .limit(k).mapToInt(Integer::intValue).toArray();
            assertThat(TopK.of(scores, k)).containsExactly(expected);
        }
    }

    @Test
    void filterRestrictsTheCandidatesAndNaNIsSkipped() {
        double[] scores = {0.9, 0.1, Double.NaN, 0.5, 0.7, 0.3};
        assertThat(TopK.of(scores, 2, i -> i % 2 == 1)).containsExactly(3, 5);
        assertThat(TopK.of(scores, 10)).containsExactly(0, 4, 3, 5, 1);
    }

    @Test
    void overCandidatesEqualsTheFullScanRestrictedToThem() {
        java.util.Random random = new java.util.Random(5);
        double[] scores = new double[1000];
        int[] candidates = new int[300];
        java.util.BitSet chosen = new java.util.BitSet();
        for (int c = 0; c < candidates.length; c++) {
            int i;
            do {
                i = random.nextInt(scores.length);
            } while (chosen.get(i));
            chosen.set(i);
            candidates[c] = i;
        }
        for (int i = 0; i < scores.length; i++) {
            scores[i] = random.nextInt(50); // ties on purpose
        }
        int[] expected = TopK.of(scores, 20, i -> chosen.get(i) && i % 3 != 0);
        assertThat(TopK.of(scores, candidates, candidates.length, 20, i -> i % 3 != 0)).containsExactly(expected);
        assertThat(TopK.of(scores, candidates, 0, 20, null)).isEmpty();
    }
}
