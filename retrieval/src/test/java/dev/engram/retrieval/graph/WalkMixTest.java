package dev.engram.retrieval.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.pagerank.CsrGraph;
import dev.engram.pagerank.ForwardPushPpr;
import dev.engram.pagerank.PersonalizedPageRank;
import dev.engram.pagerank.PprOptions;
import org.junit.jupiter.api.Test;

/** graphrag mixes two walks instead of walking once from a mixed reset vector: the two must agree. */
class WalkMixTest {
    @Test
    void mixingTwoWalksEqualsTheWalkFromTheMixedNormalisedResetVector() {
        CsrGraph.Builder b = CsrGraph.builder(6);
        b.addEdge(0, 1, 1f);
        b.addEdge(1, 2, 2f);
        b.addEdge(2, 3, 1f);
        b.addEdge(3, 4, 1f);
        b.addEdge(4, 5, 3f);
        b.addEdge(5, 0, 1f);
        b.addEdge(1, 4, 1f);
        PersonalizedPageRank ppr = new PersonalizedPageRank(b.build(true));
        PprOptions o = PprOptions.DEFAULT.withDamping(0.5).withTolerance(1e-12);
        double[] seeds = {2, 0, 0, 1, 0, 0};   // sums to 3
        double[] dense = {0, 0, 0, 0, 1, 1};   // sums to 2
        double[] g = ppr.run(seeds, o, ppr.newWorkspace()).clone();
        double[] d = ppr.run(dense, o, ppr.newWorkspace()).clone();
        double share = 0.3;
        double[] mixedReset = new double[6];
        for (int i = 0; i < 6; i++) {
            mixedReset[i] = share * seeds[i] / 3 + (1 - share) * dense[i] / 2;
        }
        double[] direct = ppr.run(mixedReset, o, ppr.newWorkspace());
        double[] mixed = global(g).mix(global(d), share).scores();
        for (int i = 0; i < 6; i++) {
            assertThat(mixed[i]).as("node " + i).isCloseTo(direct[i], org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(mixed).isNotEqualTo(g);
    }

    @Test
    void localWalksMixOnTheUnionOfTheirSupportsAsWholeArraysWould() {
        CsrGraph.Builder b = CsrGraph.builder(2_000);
        java.util.Random random = new java.util.Random(8);
        for (int e = 0; e < 6_000; e++) {
            b.addEdge(random.nextInt(2_000), random.nextInt(2_000), 1 + random.nextInt(3));
        }
        ForwardPushPpr push = new ForwardPushPpr(b.buildCompact(true));
        ForwardPushPpr.Workspace ws = push.newWorkspace();
        // loose thresholds, so each push reaches part of the graph only
        double[] g = push.run(new int[] {3, 17}, new double[] {1, 2}, 0.5, 1e-4, ws);
        PageRankStage.Ranking a = new PageRankStage.Ranking(g, true, ws.touched(), ws.touchedCount(), false).copy();
        double[] d = push.run(new int[] {17, 150}, new double[] {1, 1}, 0.5, 1e-4, ws);
        PageRankStage.Ranking c = new PageRankStage.Ranking(d, true, ws.touched(), ws.touchedCount(), false).copy();
        assertThat(a.candidateCount()).isLessThan(1_000);

        PageRankStage.Ranking mixed = a.mix(c, 0.3);
        PageRankStage.Ranking whole = global(a.scores()).mix(global(c.scores()), 0.3);

        assertThat(mixed.local()).isTrue();
        assertThat(mixed.scores()).containsExactly(whole.scores());
        int[] support = java.util.Arrays.copyOf(mixed.candidates(), mixed.candidateCount());
        assertThat(support).doesNotHaveDuplicates();
        for (int v = 0; v < 2_000; v++) {
            if (mixed.scores()[v] != 0) {
                assertThat(support).contains(v);
            }
        }
        // callers select among scored nodes: a local ranking has no zero-scored nodes to fill a short list with
        java.util.function.IntPredicate evenScored = v -> v % 2 == 0 && whole.scores()[v] > 0;
        assertThat(mixed.top(10, evenScored)).hasSize(10).containsExactly(whole.top(10, evenScored));
    }

    private static PageRankStage.Ranking global(double[] scores) {
        return new PageRankStage.Ranking(scores, false, null, 0, false);
    }
}
