package dev.engram.retrieval.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.pagerank.CsrGraph;
import dev.engram.pagerank.ForwardPushPpr;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PprStrategyTest {
    private final PprStrategy auto = PprStrategy.DEFAULTS;

    @Test
    void autoStaysGlobalOnSmallGraphs() {
        assertThat(auto.local(1_000_000, 1, 10)).isFalse();
    }

    @Test
    void autoGoesLocalOnALargeGraphOnlyWhenTheSeedsDegreesFitTheBudget() {
        long arcs = 20_000_000;
        long budget = auto.workBudget(arcs);

        assertThat(budget).isEqualTo(1_000_000);
        assertThat(auto.local(arcs, 5, 200)).isTrue();
        assertThat(auto.local(arcs, 5, budget + 1)).isFalse(); // a hub seed: its first push alone overspends
        assertThat(auto.local(arcs, 1_001, 200)).isFalse();
    }

    @Test
    void aGlobalRunUsesItsCoresOnlyOnALargeGraph() {
        PprStrategy two = auto.withThreads(2);
        assertThat(two.threadsFor(999_999)).isEqualTo(1);
        assertThat(two.threadsFor(1_000_000)).isEqualTo(2);
        assertThat(auto.threadsFor(20_000_000)).isEqualTo(1);
        assertThatThrownBy(() -> auto.withThreads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 64");
    }

    @Test
    void forcedMethodsIgnoreTheRule() {
        assertThat(auto.withMethod(PprStrategy.Method.LOCAL).local(10, 10_000, Long.MAX_VALUE)).isTrue();
        assertThat(auto.withMethod(PprStrategy.Method.LOCAL).workBudget(10)).isEqualTo(Long.MAX_VALUE);
        assertThat(auto.withMethod(PprStrategy.Method.GLOBAL).local(Long.MAX_VALUE, 1, 1)).isFalse();
    }

    @Test
    void onAnExpanderThePushStopsAtItsBudgetInsteadOfScanningMuchOfTheGraph() {
        // chunks mentioning Zipf-popular entities at random: mass does not stay near the seed
        int entities = 3_000;
        int chunks = 6_000;
        CsrGraph.Builder b = CsrGraph.builder(entities + chunks);
        SplittableRandom random = new SplittableRandom(3);
        for (int c = 0; c < chunks; c++) {
            for (int j = 0; j < 10; j++) {
                b.addEdge(entities + c, (int) Math.min(entities - 1, Math.pow(random.nextDouble(), 3) * entities), 1f);
            }
        }
        CsrGraph g = b.buildCompact(true);
        ForwardPushPpr push = new ForwardPushPpr(g);
        ForwardPushPpr.Workspace ws = push.newWorkspace();
        int seed = entities - 1; // a rare entity: low degree, so the rule lets it try
        long budget = auto.workBudget(g.arcCount());
        assertThat(auto.withMethod(PprStrategy.Method.AUTO).local(Long.MAX_VALUE, 1, g.outDegree(seed))).isTrue();

        push.run(new int[] {seed}, new double[] {1}, 0.5, auto.localEpsilon(), budget, ws);
        long unbounded = unboundedArcs(push, seed);
        System.out.println("expander: unbounded " + unbounded + " arcs of " + g.arcCount() + ", budget " + budget);

        assertThat(unbounded).isGreaterThan(4 * budget); // unbounded, it would scan several budgets' worth
        assertThat(ws.withinBudget()).isFalse();
        int maxDegree = 0;
        for (int v = 0; v < g.nodeCount(); v++) {
            maxDegree = Math.max(maxDegree, g.outDegree(v));
        }
        assertThat(ws.arcVisits()).isLessThanOrEqualTo(budget + maxDegree);
    }

    private static long unboundedArcs(ForwardPushPpr push, int seed) {
        ForwardPushPpr.Workspace ws = push.newWorkspace();
        push.run(new int[] {seed}, new double[] {1}, 0.5, PprStrategy.DEFAULTS.localEpsilon(), ws);
        assertThat(ws.withinBudget()).isTrue();
        return ws.arcVisits();
    }
}
