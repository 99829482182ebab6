package dev.engram.retrieval.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.pagerank.CsrGraph;
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
        double[] mixed = GraphRagRetriever.mix(g, d, share);
        for (int i = 0; i < 6; i++) {
            assertThat(mixed[i]).as("node " + i).isCloseTo(direct[i], org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(mixed).isNotEqualTo(g);
    }
}
