package dev.engram.pagerank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CsrGraphTest {

    @Test
    void directedGraphKeepsArcsSortedByTargetWithEdgeIndices() {
        CsrGraph.Builder b = CsrGraph.builder(4);
        assertThat(b.addEdge(0, 2, 1f)).isEqualTo(0);
        assertThat(b.addEdge(0, 1, 2f)).isEqualTo(1);
        assertThat(b.addEdge(2, 3, 3f)).isEqualTo(2);
        CsrGraph g = b.build(false);

        assertThat(g.nodeCount()).isEqualTo(4);
        assertThat(g.arcCount()).isEqualTo(3);
        assertThat(g.edgeCount()).isEqualTo(3);
        assertThat(g.outDegree(0)).isEqualTo(2);
        assertThat(g.outDegree(1)).isZero();
        int a0 = g.firstArc(0);
        assertThat(g.target(a0)).isEqualTo(1);
        assertThat(g.weight(a0)).isEqualTo(2f);
        assertThat(g.edgeOf(a0)).isEqualTo(1);
        assertThat(g.forward(a0)).isTrue();
        assertThat(g.target(a0 + 1)).isEqualTo(2);
        assertThat(g.edgeOf(a0 + 1)).isZero();
        assertThat(g.source(g.firstArc(2))).isEqualTo(2);
        assertThat(g.findArc(2, 3)).isEqualTo(g.firstArc(2));
        assertThat(g.findArc(3, 2)).isEqualTo(-1);
    }

    @Test
    void undirectedEdgesBecomeTwoArcsAndParallelEdgesAreSummedKeepingTheFirstEdge() {
        CsrGraph.Builder b = CsrGraph.builder(3);
        b.addEdge(0, 1, 1f);   // edge 0
        b.addEdge(1, 2, 2f);   // edge 1
        b.addEdge(1, 0, 0.5f); // edge 2, parallel to edge 0 in the other direction
        b.addEdge(2, 2, 4f);   // edge 3, self-loop
        CsrGraph g = b.build(true);

        assertThat(g.undirected()).isTrue();
        assertThat(g.arcCount()).isEqualTo(5); // 0-1, 1-0, 1-2, 2-1, 2-2
        int a01 = g.findArc(0, 1);
        int a10 = g.findArc(1, 0);
        assertThat(g.weight(a01)).isEqualTo(1.5f);
        assertThat(g.weight(a10)).isEqualTo(1.5f);
        assertThat(g.edgeOf(a01)).isZero();
        assertThat(g.forward(a01)).isTrue();
        assertThat(g.edgeOf(a10)).isZero();
        assertThat(g.forward(a10)).isFalse();
        int a21 = g.findArc(2, 1);
        assertThat(g.edgeOf(a21)).isEqualTo(1);
        assertThat(g.forward(a21)).isFalse();
        int loop = g.findArc(2, 2);
        assertThat(g.weight(loop)).isEqualTo(4f);
        assertThat(g.edgeOf(loop)).isEqualTo(3);
        assertThat(g.forward(loop)).isTrue();
        assertThat(g.outWeight(2)).isEqualTo(6.0);
    }

    @Test
    void sourceOfEveryArcMatchesTheNodeThatOwnsIt() {
        Random random = new Random(7);
        CsrGraph.Builder b = CsrGraph.builder(50);
        for (int i = 0; i < 300; i++) {
            b.addEdge(random.nextInt(50), random.nextInt(50), random.nextFloat());
        }
        CsrGraph g = b.build(true);
        for (int v = 0; v < g.nodeCount(); v++) {
            for (int a = g.firstArc(v); a < g.endArc(v); a++) {
                assertThat(g.source(a)).isEqualTo(v);
                if (a > g.firstArc(v)) {
                    assertThat(g.target(a)).isGreaterThan(g.target(a - 1));
                }
                // the reverse arc exists with the same weight
                assertThat(g.weight(g.findArc(g.target(a), v))).isEqualTo(g.weight(a));
            }
        }
        assertThat(g.memoryBytes()).isEqualTo(4L * 51 + 12L * g.arcCount());
    }

    @Test
    void rejectsBadEdgesWithAClearMessage() {
        CsrGraph.Builder b = CsrGraph.builder(2);
        assertThatThrownBy(() -> b.addEdge(0, 2, 1f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside [0,2)");
        assertThatThrownBy(() -> b.addEdge(0, 1, -1f)).hasMessageContaining("invalid weight");
        assertThatThrownBy(() -> b.addEdge(0, 1, Float.NaN)).hasMessageContaining("invalid weight");
        assertThat(b.edgeCount()).isZero();
    }

    @Test
    void emptyGraphBuilds() {
        CsrGraph g = CsrGraph.builder(3).build(true);
        assertThat(g.arcCount()).isZero();
        assertThat(g.outDegree(2)).isZero();
    }

    @Test
    void fewDistinctWeightsAreCodedWithoutChangingAnyWeight() {
        int n = 2_000;
        Random random = new Random(4);
        CsrGraph.Builder b = CsrGraph.builder(n);
        float[] values = {1f, 2f, 0f, 0.8125f, -0f, 3.5f};
        java.util.Map<Long, Double> sums = new java.util.HashMap<>();
        for (int e = 0; e < 20_000; e++) {
            int u = random.nextInt(n);
            int v = random.nextInt(n);
            float w = values[random.nextInt(values.length)];
            b.addEdge(u, v, w);
            sums.merge((long) Math.min(u, v) * n + Math.max(u, v), (double) w, Double::sum);
        }
        CsrGraph g = b.buildCompact(true);

        assertThat(g.weightsCoded()).isTrue();
        long columns = 4L * (n + 1) + 6L * g.arcCount();
        assertThat(g.memoryBytes()).isGreaterThan(columns).isLessThan(columns + 4L * 1_000);
        for (int u = 0; u < n; u++) {
            for (int a = g.firstArc(u); a < g.endArc(u); a++) {
                int v = g.target(a);
                float expected = (float) (double) sums.get((long) Math.min(u, v) * n + Math.max(u, v));
                assertThat(g.weight(a)).isEqualTo(expected); // merged parallel edges included
            }
        }
    }

    @Test
    void moreThanAPaletteOfDistinctWeightsStaysFloat() {
        int n = 100_000;
        CsrGraph.Builder b = CsrGraph.builder(n);
        for (int e = 0; e < CsrGraph.MAX_PALETTE + 1; e++) { // one arc a source: nothing merges
            b.addEdge(e % n, (e * 7 + 1) % n, 1f + e * 1e-3f);
        }
        CsrGraph g = b.buildCompact(false);
        assertThat(g.weightsCoded()).isFalse();
        assertThat(g.memoryBytes()).isEqualTo(4L * (n + 1) + 8L * g.arcCount());
        for (int a = g.firstArc(3); a < g.endArc(3); a++) {
            assertThat(g.weight(a)).isGreaterThanOrEqualTo(1f);
        }
    }
}
