package dev.engram.pagerank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PersonalizedPageRankTest {

    private static final PprOptions EXACT = PprOptions.DEFAULT.withTolerance(1e-13).withMaxIterations(500);

    /** PageRank of {@code g} from {@code reset}, run to a tolerance far below the assertions'. */
    private static double[] exact(CsrGraph g, double... reset) {
        return new PersonalizedPageRank(g).run(reset, EXACT, ws(g));
    }

    @Test
    void directedChainSendsDanglingMassBackToTheSeed() {
        // 0 -> 1 -> 2, node 2 dangling, seed 0, d = 0.5:
        // pi0 = 0.5 pi2 + 0.5, pi1 = 0.5 pi0, pi2 = 0.5 pi1  =>  (4/7, 2/7, 1/7); igraph prpack gives the same.
        assertThat(exact(graph(3, false, new int[][] {{0, 1}, {1, 2}}, 1f, 1f), 1, 0, 0))
                .containsExactly(new double[] {4.0 / 7, 2.0 / 7, 1.0 / 7}, within(1e-12));
    }

    @Test
    void undirectedSelfLoopCountsTwiceAsInIgraph() {
        // loop 0-0, edges 0-1, 1-2, unit weights: P(0->0) = 2/3, P(0->1) = 1/3  =>  (21, 4, 1) / 26 (igraph agrees)
        assertThat(exact(graph(3, true, new int[][] {{0, 0}, {0, 1}, {1, 2}}, 1f, 1f, 1f), 1, 0, 0))
                .containsExactly(new double[] {21.0 / 26, 4.0 / 26, 1.0 / 26}, within(1e-12));
    }

    @Test
    void isolatedSeedKeepsItsShareAndComponentsStaySeparate() {
        // path 0-1-2 and isolated 3; reset half on 0, half on 3  =>  (7, 4, 1, 6) / 18 (igraph agrees)
        assertThat(exact(graph(4, true, new int[][] {{0, 1}, {1, 2}}, 1f, 1f), 0.5, 0, 0, 0.5))
                .containsExactly(new double[] {7.0 / 18, 4.0 / 18, 1.0 / 18, 6.0 / 18}, within(1e-12));
    }

    @Test
    void zeroWeightEdgesAreNeverFollowed() {
        assertThat(exact(graph(3, true, new int[][] {{0, 1}, {1, 2}}, 1f, 0f), 0, 0, 1))
                .containsExactly(new double[] {0, 0, 1}, within(1e-12));
    }

    @Test
    void weightedTriangleMatchesHandComputedValues() {
        // undirected 0-1 (w 2), 1-2 (w 1), seed 0, d=0.5. P(0->1)=1, P(1->0)=2/3, P(1->2)=1/3, P(2->1)=1.
        // pi0 = 0.5*(2/3 pi1) + 0.5; pi1 = 0.5*(pi0 + pi2); pi2 = 0.5*(1/3 pi1)
        // => pi2 = pi1/6, pi1 = pi0/2 + pi1/12 => pi1 = 6/11 pi0; pi0 = 2/11 pi0 + 1/2 => pi0 = 11/18
        assertThat(exact(graph(3, true, new int[][] {{0, 1}, {1, 2}}, 2f, 1f), 3, 0, 0))
                .containsExactly(new double[] {11.0 / 18, 6.0 / 18, 1.0 / 18}, within(1e-12));
    }

    @ParameterizedTest
    @CsvSource({"1, false, 0.5, 1, DEGREE_ORDERED", "2, true, 0.5, 1, DEGREE_ORDERED",
            "3, false, 0.85, 2, DEGREE_ORDERED", "4, true, 0.85, 2, DEGREE_ORDERED", "5, true, 0.3, 3, DEGREE_ORDERED",
            "6, false, 0.5, 3, DEGREE_ORDERED", "7, true, 0.5, 1, GRAPH_ORDER", "8, false, 0.85, 2, GRAPH_ORDER"})
    void equalsTheStationaryDistributionOfTheExplicitChainOnRandomGraphs(long seed, boolean undirected,
                                                                         double damping, int threads,
                                                                         PersonalizedPageRank.Layout layout) {
        Chain chain = randomChain(seed, undirected, damping);
        // over-relaxed sweeps (and, in DEGREE_ORDERED, renumbered nodes) reach the chain's own fixed point
        assertReachesTheChainsFixedPoint(new PersonalizedPageRank(chain.graph(), layout), chain, damping, threads);
    }

    @ParameterizedTest
    @CsvSource({"31, false, 0.5, 1, 1", "32, true, 0.5, 1, 2", "33, false, 0.85, 2, 3", "34, true, 0.85, 2, 2",
            "35, true, 0.3, 3, 1", "36, false, 0.5, 3, 4"})
    void tiledSweepsReachTheStationaryDistributionOfTheExplicitChain(long seed, boolean undirected, double damping,
                                                                    int threads, int blockShift) {
        // tiles of 2 to 16 nodes: many tiles, arcs inside and across tiles, tiles split between threads
        Chain chain = randomChain(seed, undirected, damping);
        PersonalizedPageRank ppr = PersonalizedPageRank.degreeOrdered(chain.graph(), blockShift);
        assertThat(ppr.tiled()).isTrue();
        assertReachesTheChainsFixedPoint(ppr, chain, damping, threads);
    }

    /** A random graph with self-loops, parallel edges, zero weights and isolated nodes, and its exact PageRank. */
    private record Chain(CsrGraph graph, double[] reset, double[] expected) {
    }

    private static Chain randomChain(long seed, boolean undirected, double damping) {
        Random random = new Random(seed);
        int n = 40 + random.nextInt(30);
        int m = n * 2;
        int[] from = new int[m];
        int[] to = new int[m];
        float[] w = new float[m];
        CsrGraph.Builder b = CsrGraph.builder(n);
        for (int e = 0; e < m; e++) {
            // leave the top 10 nodes untouched as a second component of isolated (dangling) nodes;
            // include self-loops, parallel edges and zero weights
            from[e] = random.nextInt(n - 10);
            to[e] = random.nextInt(10) == 0 ? from[e] : random.nextInt(n - 10);
            w[e] = random.nextInt(8) == 0 ? 0f : random.nextFloat() * 3;
            b.addEdge(from[e], to[e], w[e]);
        }
        CsrGraph g = b.build(undirected);
        double[] reset = new double[n];
        for (int i = 0; i < 4; i++) {
            reset[random.nextInt(n)] += random.nextDouble() + 0.1;
        }
        reset[n - 1] += 0.5; // a seed in the isolated part
        return new Chain(g, reset, ExactPageRank.solve(n, from, to, w, undirected, reset, damping));
    }

    private static void assertReachesTheChainsFixedPoint(PersonalizedPageRank ppr, Chain chain, double damping,
                                                         int threads) {
        PersonalizedPageRank.Workspace workspace = ppr.newWorkspace();
        double[] scores = ppr.run(chain.reset(), EXACT.withDamping(damping).withThreads(threads), workspace);
        // not tighter: merged parallel edges are stored as float sums, off by ~1e-7 relative
        assertThat(l1(scores, chain.expected())).isLessThan(1e-7);
        assertThat(Arrays.stream(scores).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(workspace.converged()).isTrue();
        // the default tolerance meets the 1e-6 acceptance bound
        double[] loose = ppr.run(chain.reset(), PprOptions.DEFAULT.withDamping(damping).withThreads(threads),
                workspace);
        assertThat(l1(loose, chain.expected())).isLessThan(1e-6);
    }

    @ParameterizedTest
    @CsvSource({"41, true, 1, 10", "42, true, 2, 8", "43, false, 1, 12", "44, false, 2, 16"})
    void tiledAndUntiledSweepsGiveTheSameScores(long seed, boolean undirected, int threads, int blockShift) {
        CsrGraph g = randomGraph(30_000, 150_000, seed, undirected);
        double[] reset = new double[g.nodeCount()];
        reset[5] = 1;
        reset[29_999] = 0.5;
        PprOptions options = EXACT.withThreads(threads);
        PersonalizedPageRank untiled = PersonalizedPageRank.degreeOrdered(g, 0);
        double[] expected = untiled.run(reset, options, untiled.newWorkspace()).clone();
        PersonalizedPageRank tiled = PersonalizedPageRank.degreeOrdered(g, blockShift);
        PersonalizedPageRank.Workspace ws = tiled.newWorkspace();
        double[] scores = tiled.run(reset, options, ws);
        assertThat(untiled.tiled()).isFalse();
        assertThat(l1(scores, expected)).isLessThan(1e-11);
        // the tiled order of the additions changes the rounding, never the answer
        assertThat(ws.iterations()).isLessThan(EXACT.maxIterations());
    }

    @Test
    void largeDegreeOrderedGraphsAreTiledByDefault() {
        int n = PersonalizedPageRank.TILE_MIN_NODES;
        CsrGraph large = randomGraph(n, n, 7, true);
        CsrGraph smaller = randomGraph(n - 1, n, 7, true);
        assertThat(new PersonalizedPageRank(large).tiled()).isTrue();
        assertThat(new PersonalizedPageRank(large, PersonalizedPageRank.Layout.GRAPH_ORDER).tiled()).isFalse();
        assertThat(new PersonalizedPageRank(smaller).tiled()).isFalse();
        assertThatThrownBy(() -> PersonalizedPageRank.degreeOrdered(smaller, 17)).hasMessageContaining("0..16");
    }

    @Test
    void parallelRunEqualsSerialRunOnALargerGraph() {
        CsrGraph g = randomGraph(20_000, 100_000, 11, true);
        PersonalizedPageRank ppr = new PersonalizedPageRank(g);
        double[] reset = new double[g.nodeCount()];
        reset[1] = 1;
        reset[500] = 2;
        double[] serial = ppr.run(reset, PprOptions.DEFAULT, ppr.newWorkspace()).clone();
        PersonalizedPageRank.Workspace ws = ppr.newWorkspace();
        double[] parallel = ppr.run(reset, PprOptions.DEFAULT.withThreads(2), ws);
        // sweeps on two threads read each other's latest values: the same fixed point, not the same rounding
        assertThat(l1(serial, parallel)).isLessThan(1e-7);
        assertThat(ws.iterations()).isBetween(10, 40);
    }

    @ParameterizedTest
    @CsvSource({"21, true, 1", "22, true, 2", "23, false, 1", "24, false, 2"})
    void degreeOrderedLayoutGivesTheScoresOfTheGraphOrderInNodeOrder(long seed, boolean undirected, int threads) {
        // degrees from 0 to ~100 (a few hubs), so the renumbering moves nearly every node
        Random random = new Random(seed);
        int n = 5_000;
        CsrGraph.Builder b = CsrGraph.builder(n);
        for (int e = 0; e < 30_000; e++) {
            int u = random.nextInt(4) == 0 ? random.nextInt(50) : random.nextInt(n - 100);
            b.addEdge(u, random.nextInt(8) == 0 ? u : random.nextInt(n - 100), random.nextFloat());
        }
        CsrGraph g = b.build(undirected);
        double[] reset = new double[n];
        reset[7] = 1;
        reset[n - 1] = 0.25; // an isolated, dangling seed
        reset[random.nextInt(50)] = 2; // a hub
        PprOptions options = EXACT.withThreads(threads);
        double[] graphOrder = new PersonalizedPageRank(g, PersonalizedPageRank.Layout.GRAPH_ORDER)
                .run(reset, options, ws(g)).clone();
        PersonalizedPageRank ppr = new PersonalizedPageRank(g, PersonalizedPageRank.Layout.DEGREE_ORDERED);
        PersonalizedPageRank.Workspace workspace = ppr.newWorkspace();
        double[] degreeOrdered = ppr.run(reset, options, workspace);

        assertThat(l1(degreeOrdered, graphOrder)).isLessThan(1e-11);
        assertThat(degreeOrdered).isSameAs(workspace.scores());
        assertThat(Arrays.stream(degreeOrdered).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(degreeOrdered[n - 1]).isGreaterThan(0.25 / 3.25 * 0.5); // its restart share at least
    }

    @Test
    void overRelaxedSweepsNeedFewerSweepsThanPlainGaussSeidel() {
        // plain Gauss-Seidel (factor 1) takes 14 sweeps at damping 0.5 and 48 at 0.85 on this graph; 1.05 takes 13
        // and 44 (the fixed point is checked against the explicit chain above)
        assertThat(PersonalizedPageRank.OVER_RELAXATION).isGreaterThan(1.0).isLessThan(1.1);
        CsrGraph g = randomGraph(20_000, 100_000, 13, true);
        PersonalizedPageRank ppr = new PersonalizedPageRank(g);
        PersonalizedPageRank.Workspace ws = ppr.newWorkspace();
        double[] reset = new double[g.nodeCount()];
        reset[3] = 1;
        ppr.run(reset, PprOptions.DEFAULT, ws);
        assertThat(ws.iterations()).isLessThanOrEqualTo(13);
        ppr.run(reset, PprOptions.DEFAULT.withDamping(0.85), ws);
        assertThat(ws.iterations()).isLessThanOrEqualTo(45);
    }

    @ParameterizedTest
    @CsvSource({"0", "12"})
    void warmQueryAllocatesNothingProportionalToTheGraph(int blockShift) {
        CsrGraph g = randomGraph(200_000, 400_000, 3, true);
        PersonalizedPageRank ppr = PersonalizedPageRank.degreeOrdered(g, blockShift);
        PersonalizedPageRank.Workspace ws = ppr.newWorkspace();
        double[] reset = new double[g.nodeCount()];
        reset[42] = 1;
        ppr.run(reset, PprOptions.DEFAULT, ws);
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = bean.getCurrentThreadAllocatedBytes();
        double[] scores = ppr.run(reset, PprOptions.DEFAULT, ws);
        long allocated = bean.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).isLessThan(g.nodeCount()); // a dense double[] would be 8 bytes a node
        assertThat(scores).isSameAs(ws.scores());
    }

    @Test
    void directedAndUndirectedGiveDifferentAnswersOnAsymmetricGraphs() {
        CsrGraph directed = graph(3, false, new int[][] {{0, 1}, {2, 1}}, 1f, 1f);
        CsrGraph undirected = graph(3, true, new int[][] {{0, 1}, {2, 1}}, 1f, 1f);
        double[] reset = {1, 0, 0};
        double[] d = new PersonalizedPageRank(directed).run(reset);
        double[] u = new PersonalizedPageRank(undirected).run(reset);
        assertThat(d[2]).isZero();
        assertThat(u[2]).isGreaterThan(0.01);
    }

    @Test
    void rejectsBadResetVectors() {
        CsrGraph g = graph(2, true, new int[][] {{0, 1}}, 1f);
        PersonalizedPageRank ppr = new PersonalizedPageRank(g);
        assertThatThrownBy(() -> ppr.run(new double[] {0, 0})).hasMessageContaining("sums to 0");
        assertThatThrownBy(() -> ppr.run(new double[] {1})).hasMessageContaining("length 1");
        assertThatThrownBy(() -> ppr.run(new double[] {1, -1})).hasMessageContaining("reset[1]");
        assertThatThrownBy(() -> ppr.run(new double[] {1, Double.NaN})).hasMessageContaining("reset[1]");
        assertThatThrownBy(() -> new PprOptions(1.0, 1e-8, 10, 1)).hasMessageContaining("damping");
    }

    @Test
    void iterationCapIsReportedAsNotConverged() {
        CsrGraph g = randomGraph(1000, 5000, 5, true);
        PersonalizedPageRank ppr = new PersonalizedPageRank(g);
        PersonalizedPageRank.Workspace ws = ppr.newWorkspace();
        double[] reset = new double[1000];
        reset[0] = 1;
        double[] scores = ppr.run(reset, PprOptions.DEFAULT.withMaxIterations(2), ws);
        assertThat(ws.iterations()).isEqualTo(2);
        assertThat(ws.converged()).isFalse();
        assertThat(Arrays.stream(scores).sum()).isCloseTo(1.0, within(1e-12));
    }

    static CsrGraph randomGraph(int n, int m, long seed, boolean undirected) {
        Random random = new Random(seed);
        CsrGraph.Builder b = CsrGraph.builder(n);
        for (int e = 0; e < m; e++) {
            b.addEdge(random.nextInt(n), random.nextInt(n), 0.1f + random.nextFloat());
        }
        return b.build(undirected);
    }

    static CsrGraph graph(int n, boolean undirected, int[][] edges, float... weights) {
        CsrGraph.Builder b = CsrGraph.builder(n);
        for (int i = 0; i < edges.length; i++) {
            b.addEdge(edges[i][0], edges[i][1], weights[i]);
        }
        return b.build(undirected);
    }

    static double l1(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum;
    }

    private static PersonalizedPageRank.Workspace ws(CsrGraph g) {
        return new PersonalizedPageRank(g).newWorkspace();
    }
}
