package dev.engram.pagerank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ForwardPushPprTest {

    @Test
    void approximationIsBelowExactAndItsL1ErrorIsTheReportedResidual() {
        CsrGraph g = PersonalizedPageRankTest.randomGraph(5_000, 25_000, 9, true);
        int[] seeds = {3, 77, 3};
        double[] weights = {1, 2, 1};
        double[] reset = new double[g.nodeCount()];
        reset[3] = 2;
        reset[77] = 2;
        PersonalizedPageRank exactRank = new PersonalizedPageRank(g);
        double[] exact = exactRank.run(reset, PprOptions.DEFAULT.withTolerance(1e-14).withMaxIterations(200),
                exactRank.newWorkspace());

        ForwardPushPpr push = new ForwardPushPpr(g);
        ForwardPushPpr.Workspace ws = push.newWorkspace();
        for (double eps : new double[] {1e-4, 1e-6, 1e-8}) {
            double[] approx = push.run(seeds, weights, 0.5, eps, ws);
            double l1 = 0;
            for (int v = 0; v < g.nodeCount(); v++) {
                assertThat(approx[v]).isLessThanOrEqualTo(exact[v] + 1e-12);
                assertThat(exact[v] - approx[v]).isLessThanOrEqualTo(eps * g.outWeight(v) + 1e-12);
                l1 += exact[v] - approx[v];
            }
            assertThat(l1).isCloseTo(ws.residualMass(), within(1e-10));
            double bound = 0;
            for (int i = 0; i < ws.touchedCount(); i++) {
                bound += eps * Math.max(g.outWeight(ws.touched()[i]), 1.0);
            }
            assertThat(ws.residualMass()).isLessThan(bound);
        }
    }

    @Test
    void refiningTheBestNodesKeepsThemLowerBoundsAndTakesTheirNeighboursResidualOff() {
        CsrGraph g = powerLawGraph(20_000, 100_000, 17);
        int[] seeds = {5, 9_000};
        double[] weights = {2, 1};
        double[] reset = new double[g.nodeCount()];
        reset[5] = 2;
        reset[9_000] = 1;
        PersonalizedPageRank power = new PersonalizedPageRank(g);
        double[] exact = power.run(reset, PprOptions.DEFAULT.withTolerance(1e-14).withMaxIterations(300),
                power.newWorkspace());
        ForwardPushPpr push = new ForwardPushPpr(g);
        ForwardPushPpr.Workspace ws = push.newWorkspace();
        double[] before = push.run(seeds, weights, 0.5, 1e-5, ws).clone();
        double l1Before = ws.residualMass();

        double[] after = push.refineTop(200, 64, 0.5, ws);

        int raised = 0;
        double l1 = 0;
        for (int v = 0; v < g.nodeCount(); v++) {
            assertThat(after[v]).isGreaterThanOrEqualTo(before[v]).isLessThanOrEqualTo(exact[v] + 1e-12);
            raised += after[v] > before[v] ? 1 : 0;
            l1 += exact[v] - after[v];
            if (g.outDegree(v) > 64) {
                assertThat(after[v]).isEqualTo(before[v]);
            }
        }
        assertThat(raised).isBetween(50, 200);
        assertThat(l1).isLessThan(l1Before).isCloseTo(ws.residualMass(), within(1e-10));
        CsrGraph directed = CsrGraph.builder(2).build(false);
        assertThatThrownBy(() -> new ForwardPushPpr(directed).refineTop(1, 1, 0.5, ws))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBudgetStopsThePushAndSaysSoWhileAnAmpleOneChangesNothing() {
        CsrGraph g = powerLawGraph(20_000, 100_000, 5);
        ForwardPushPpr push = new ForwardPushPpr(g);
        ForwardPushPpr.Workspace ws = push.newWorkspace();
        int[] seeds = {11, 12_345};
        double[] weights = {1, 3};
        double[] free = push.run(seeds, weights, 0.5, 1e-7, ws).clone();
        long needed = ws.arcVisits();
        assertThat(ws.withinBudget()).isTrue();

        double[] ample = push.run(seeds, weights, 0.5, 1e-7, needed, ws);
        assertThat(ws.withinBudget()).isTrue();
        assertThat(ample).containsExactly(free);

        long budget = needed / 10;
        double[] cut = push.run(seeds, weights, 0.5, 1e-7, budget, ws);
        assertThat(ws.withinBudget()).isFalse();
        int maxDegree = 0;
        for (int v = 0; v < g.nodeCount(); v++) {
            maxDegree = Math.max(maxDegree, g.outDegree(v));
            assertThat(cut[v]).isLessThanOrEqualTo(free[v] + 1e-15); // stopped early: still an under-estimate
        }
        assertThat(ws.arcVisits()).isGreaterThan(budget).isLessThanOrEqualTo(budget + maxDegree);
    }

    @Test
    void runToResidualMeetsItsL1BoundOnAPowerLawGraphWithHubs() {
        // hubs are the hard case: their threshold scales with their degree, so they are pushed only once epsilon is low
        CsrGraph g = powerLawGraph(20_000, 100_000, 21);
        ForwardPushPpr push = new ForwardPushPpr(g);
        ForwardPushPpr.Workspace ws = push.newWorkspace();
        PersonalizedPageRank power = new PersonalizedPageRank(g);
        int[] seeds = {0, 1, 5000, 12345};
        double[] weights = {1, 0.5, 2, 0.25};
        double[] reset = new double[g.nodeCount()];
        for (int i = 0; i < seeds.length; i++) {
            reset[seeds[i]] += weights[i];
        }
        double[] exact = power.run(reset, PprOptions.DEFAULT.withTolerance(1e-14).withMaxIterations(200),
                power.newWorkspace()).clone();
        for (double bound : new double[] {1e-2, 1e-3, 1e-5}) {
            double[] approx = push.runToResidual(seeds, weights, 0.5, bound, Long.MAX_VALUE, ws);
            double l1 = 0;
            for (int v = 0; v < g.nodeCount(); v++) {
                assertThat(approx[v]).isLessThanOrEqualTo(exact[v] + 1e-12);
                l1 += exact[v] - approx[v];
            }
            assertThat(ws.withinBudget()).isTrue();
            assertThat(ws.residualMass()).isLessThanOrEqualTo(bound);
            assertThat(l1).isCloseTo(ws.residualMass(), within(1e-10));
        }
        // a budget far below what the bound needs is reported, not silently ignored
        push.runToResidual(seeds, weights, 0.5, 1e-9, 1_000, ws);
        assertThat(ws.withinBudget()).isFalse();
        assertThat(ws.residualMass()).isGreaterThan(1e-9);
    }

    static CsrGraph powerLawGraph(int n, int m, long seed) {
        java.util.Random random = new java.util.Random(seed);
        CsrGraph.Builder b = CsrGraph.builder(n);
        for (int e = 0; e < m; e++) {
            // endpoints drawn with probability ~ 1/rank: node 0 is a hub
            int u = (int) Math.min(n - 1, Math.floor(Math.pow(n, random.nextDouble())) - 1);
            b.addEdge(Math.max(0, u), random.nextInt(n), 0.1f + random.nextFloat());
        }
        return b.build(true);
    }

    @Test
    void localRunTouchesOnlyTheNeighbourhoodForALooseEpsilon() {
        CsrGraph g = PersonalizedPageRankTest.randomGraph(100_000, 300_000, 4, true);
        ForwardPushPpr push = new ForwardPushPpr(g);
        ForwardPushPpr.Workspace ws = push.newWorkspace();
        push.run(new int[] {10}, new double[] {1}, 0.5, 1e-3, ws);
        assertThat(ws.touchedCount()).isLessThan(2_000);
        assertThat(ws.pushes()).isPositive();
        // a second run starts from a clean state
        double[] again = push.run(new int[] {20}, new double[] {1}, 0.5, 1e-3, ws);
        assertThat(again[10]).isLessThan(again[20]);
    }

    @Test
    void danglingSeedsAndDirectedGraphsFollowTheSameConventionAsPowerIteration() {
        // directed chain 0 -> 1 -> 2 with dangling 2, plus an isolated seed 3
        CsrGraph g = PersonalizedPageRankTest.graph(4, false, new int[][] {{0, 1}, {1, 2}}, 1f, 1f);
        PersonalizedPageRank power = new PersonalizedPageRank(g);
        double[] exact = power.run(new double[] {1, 0, 0, 1}, PprOptions.DEFAULT.withTolerance(1e-14), power.newWorkspace());
        ForwardPushPpr push = new ForwardPushPpr(g);
        double[] approx = push.run(new int[] {0, 3}, new double[] {1, 1}, 0.5, 1e-12, push.newWorkspace());
        assertThat(PersonalizedPageRankTest.l1(approx, exact)).isLessThan(1e-9);
    }

    @Test
    void rejectsBadSeeds() {
        CsrGraph g = PersonalizedPageRankTest.graph(2, true, new int[][] {{0, 1}}, 1f);
        ForwardPushPpr push = new ForwardPushPpr(g);
        ForwardPushPpr.Workspace ws = push.newWorkspace();
        assertThatThrownBy(() -> push.run(new int[] {2}, new double[] {1}, 0.5, 1e-4, ws)).hasMessageContaining("seed 2");
        assertThatThrownBy(() -> push.run(new int[] {0}, new double[] {0}, 0.5, 1e-4, ws)).hasMessageContaining("sum to 0");
        assertThatThrownBy(() -> push.run(new int[] {0}, new double[] {1}, 0.5, 0, ws)).hasMessageContaining("epsilon");
    }
}
