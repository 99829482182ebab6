package dev.engram.store.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The exact symmetric synonym rule against a plain reference (every pair, every row's top k sorted by score then
 * index): the same pairs on 1, 2 and 5 threads, over clustered vectors with many pairs above the threshold, more
 * candidates than k for most rows, and exact ties (duplicate vectors).
 */
class ExactNeighboursTest {
    private static final int DIMS = 24;

    @Test
    void blockedAndThreadedEqualsThePlainRuleWithTies() {
        int n = 700; // more than a row block and a column tile, not a multiple of either
        float[] v = clustered(n, new Random(7));
        // exact ties: a few rows copied onto others
        for (int i = 0; i < 40; i++) {
            System.arraycopy(v, i * DIMS, v, (n - 1 - i) * DIMS, DIMS);
        }
        TreeSet<String> expected = reference(v, n, 0.8f, 10);
        assertThat(expected.size()).isGreaterThan(n);
        for (int threads : new int[] {1, 2, 5}) {
            List<ExactNeighbours.Pair> pairs = new ExactNeighbours(0.8, 10, threads).pairs(v, DIMS, x -> {});
            assertThat(keys(pairs)).as(threads + " threads").isEqualTo(expected);
            assertThat(pairs).isSortedAccordingTo(Comparator.comparingInt(ExactNeighbours.Pair::a)
                    .thenComparingInt(ExactNeighbours.Pair::b));
        }
    }

    @Test
    void theSimdKernelRunsHereAndAgreesWithTheScalarOne() {
        assertThat(DotKernel.BEST.getClass().getSimpleName()).as("the tests run with the Vector API").isEqualTo("SimdDot");
        Random random = new Random(11);
        int dims = 384;
        float[] v = new float[dims * 64];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        float[] cold = new float[63];
        for (int j = 1; j < 64; j++) {
            cold[j - 1] = DotKernel.BEST.dot(v, 0, j * dims, dims); // first calls: interpreted
            assertThat(cold[j - 1]).isCloseTo(DotKernel.scalar(v, 0, j * dims, dims), within(1e-3f));
        }
        for (int round = 0; round < 20_000; round++) { // until the JIT has compiled it
            for (int j = 1; j < 64; j++) {
                DotKernel.BEST.dot(v, 0, j * dims, dims);
            }
        }
        for (int j = 1; j < 64; j++) {
            assertThat(Float.floatToIntBits(DotKernel.BEST.dot(v, 0, j * dims, dims)))
                    .as("pair 0-" + j).isEqualTo(Float.floatToIntBits(cold[j - 1]));
        }
    }

    @Test
    void nothingAboveTheThresholdGivesNoPairsAndOneVectorNone() {
        float[] orthogonal = new float[3 * 3];
        orthogonal[0] = orthogonal[4] = orthogonal[8] = 1;
        assertThat(new ExactNeighbours(0.8, 10, 2).pairs(orthogonal, 3, x -> {})).isEmpty();
        assertThat(new ExactNeighbours(0.8, 10, 2).pairs(new float[] {1, 0, 0}, 3, x -> {})).isEmpty();
    }

    private static TreeSet<String> reference(float[] v, int n, float threshold, int k) {
        float[][] score = new float[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                score[i][j] = score[j][i] = ExactNeighbours.dot(v, i * DIMS, j * DIMS, DIMS);
            }
        }
        TreeSet<String> out = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            final int row = i;
            List<Integer> candidates = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (j != i && score[i][j] >= threshold) {
                    candidates.add(j);
                }
            }
            candidates.sort((x, y) -> score[row][x] != score[row][y] ? Float.compare(score[row][y], score[row][x])
                    : Integer.compare(x, y));
            for (int j : candidates.subList(0, Math.min(k, candidates.size()))) {
                out.add(key(Math.min(i, j), Math.max(i, j), score[i][j]));
            }
        }
        return out;
    }

    private static TreeSet<String> keys(List<ExactNeighbours.Pair> pairs) {
        TreeSet<String> out = new TreeSet<>();
        pairs.forEach(p -> out.add(key(p.a(), p.b(), p.cosine())));
        assertThat(out).hasSameSizeAs(pairs); // no pair twice
        return out;
    }

    private static String key(int a, int b, float s) {
        return a + "-" + b + " " + Float.floatToIntBits(s);
    }

    private static float[] clustered(int n, Random random) {
        float[][] centers = new float[n / 25][DIMS];
        for (float[] c : centers) {
            for (int d = 0; d < DIMS; d++) {
                c[d] = (float) random.nextGaussian();
            }
        }
        float[] v = new float[n * DIMS];
        for (int i = 0; i < n; i++) {
            float[] c = centers[random.nextInt(centers.length)];
            double norm = 0;
            for (int d = 0; d < DIMS; d++) {
                v[i * DIMS + d] = c[d] + 0.35f * (float) random.nextGaussian();
                norm += v[i * DIMS + d] * v[i * DIMS + d];
            }
            for (int d = 0; d < DIMS; d++) {
                v[i * DIMS + d] /= (float) Math.sqrt(norm);
            }
        }
        return v;
    }
}
