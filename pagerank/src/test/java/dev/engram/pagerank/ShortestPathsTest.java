package dev.engram.pagerank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShortestPathsTest {

    /**
     * Diamond with a tail, undirected: 0-1 (w1), 0-2 (w3), 1-3 (w1), 2-3 (w1), 3-4 (w2), and a long way 0-5-6-7-4.
     */
    private static CsrGraph diamond() {
        return PersonalizedPageRankTest.graph(8, true,
                new int[][] {{0, 1}, {0, 2}, {1, 3}, {2, 3}, {3, 4}, {0, 5}, {5, 6}, {6, 7}, {7, 4}},
                1f, 3f, 1f, 1f, 2f, 1f, 1f, 1f, 1f);
    }

    @Test
    void aTargetLimitKeepsTheSearchOffHigherNodes() {
        CsrGraph g = diamond();
        // below 5: the long way 0-5-6-7-4 is closed, the diamond is not
        List<GraphPath> paths = new ShortestPaths(g).find(new int[] {0}, new int[] {4, 7},
                PathOptions.allTies(4).withTargetLimit(5));
        assertThat(paths).extracting(GraphPath::target).containsOnly(4);
        assertThat(new ShortestPaths(g).find(new int[] {0}, new int[] {7}, PathOptions.allTies(4))).hasSize(1);
    }

    @Test
    void anArcBudgetStopsTheSearchButKeepsWhatItFoundFewestHop() {
        CsrGraph g = diamond();
        // node 0 scans its 3 arcs, over the budget of 2: the second layer stops before any node two hops away is seen
        PathOptions tight = PathOptions.allTies(4).withMaxArcVisits(2);
        List<GraphPath> found = new ShortestPaths(g).find(new int[] {0}, new int[] {1, 3}, tight);
        assertThat(found).extracting(GraphPath::target).containsExactly(1);
        assertThat(new ShortestPaths(g).find(new int[] {0}, new int[] {1, 3}, PathOptions.allTies(4)))
                .extracting(GraphPath::target).contains(1, 3);
    }

    @Test
    void theWorkspaceCountsTheArcsEachSearchScanned() {
        CsrGraph g = diamond();
        ShortestPaths paths = new ShortestPaths(g);
        ShortestPaths.Workspace ws = paths.newWorkspace();
        // from 0 to its neighbour 1: one layer, node 0's three arcs
        paths.find(new int[] {0}, new int[] {1}, PathOptions.allTies(4), ws);
        assertThat(ws.arcsScanned()).isEqualTo(3);
        // to 4, three hops: node 0 (3 arcs), then 1, 2, 5 (2 each), then 3 (3) and 6 (2); a new search starts at zero
        paths.find(new int[] {0}, new int[] {4}, PathOptions.allTies(4), ws);
        assertThat(ws.arcsScanned()).isEqualTo(3 + 6 + 5);
        paths.find(new int[] {0}, new int[] {1, 3}, PathOptions.allTies(4).withMaxArcVisits(2), ws);
        assertThat(ws.arcsScanned()).as("stops after the node that crossed the budget").isEqualTo(3);
    }

    @Test
    void allTiesReturnsEveryFewestHopPathHeaviestFirst() {
        CsrGraph g = diamond();
        List<GraphPath> paths = new ShortestPaths(g).find(new int[] {0}, new int[] {4}, PathOptions.allTies(4));
        assertThat(paths).hasSize(2);
        assertThat(paths.get(0).nodes()).containsExactly(0, 2, 3, 4);
        assertThat(paths.get(1).nodes()).containsExactly(0, 1, 3, 4);
        assertThat(paths.get(0).weight(g)).isEqualTo(6.0);
        for (GraphPath p : paths) {
            for (int i = 0; i < p.hops(); i++) {
                assertThat(g.source(p.arcs()[i])).isEqualTo(p.nodes()[i]);
                assertThat(g.target(p.arcs()[i])).isEqualTo(p.nodes()[i + 1]);
            }
        }
    }

    @Test
    void heaviestKeepsOnlyTheBestFew() {
        CsrGraph g = diamond();
        List<GraphPath> paths = new ShortestPaths(g).find(new int[] {0}, new int[] {4, 3}, PathOptions.heaviest(3, 1));
        assertThat(paths).extracting(p -> List.of(p.source(), p.target(), p.hops()))
                .containsExactly(List.of(0, 4, 3), List.of(0, 3, 2));
        assertThat(paths.get(0).nodes()).containsExactly(0, 2, 3, 4);
        assertThat(paths.get(1).nodes()).containsExactly(0, 2, 3);
    }

    @Test
    void heaviestRanksSeveralPathsLikeAllTiesSortedByWeight() {
        CsrGraph g = PersonalizedPageRankTest.randomGraph(300, 1500, 21, true);
        ShortestPaths sp = new ShortestPaths(g);
        ShortestPaths.Workspace ws = sp.newWorkspace();
        int[] targets = {50, 60, 70, 80, 90, 100};
        List<GraphPath> all = sp.find(new int[] {1, 2}, targets, PathOptions.allTies(4).withMaxPathsPerTarget(100_000), ws);
        List<GraphPath> best = sp.find(new int[] {1, 2}, targets, PathOptions.heaviest(4, 3), ws);
        for (int t : targets) {
            List<Double> allWeights = all.stream().filter(p -> p.target() == t).map(p -> p.weight(g)).limit(3).toList();
            List<Double> bestWeights = best.stream().filter(p -> p.target() == t).map(p -> p.weight(g)).toList();
            assertThat(bestWeights).hasSize(allWeights.size());
            for (int i = 0; i < allWeights.size(); i++) {
                assertThat(bestWeights.get(i)).isCloseTo(allWeights.get(i), org.assertj.core.api.Assertions.within(1e-5));
            }
        }
        assertThat(best).isNotEmpty();
    }

    @Test
    void arcFilterAndHopLimitAreRespected() {
        CsrGraph g = diamond();
        ShortestPaths sp = new ShortestPaths(g);
        int arc34 = g.findArc(3, 4);
        List<GraphPath> detour = sp.find(new int[] {0}, new int[] {4}, PathOptions.allTies(4).withAllowedArc(a -> a != arc34));
        assertThat(detour).singleElement().satisfies(p -> assertThat(p.nodes()).containsExactly(0, 5, 6, 7, 4));
        assertThat(sp.find(new int[] {0}, new int[] {4}, PathOptions.allTies(3).withAllowedArc(a -> a != arc34))).isEmpty();
        assertThat(sp.find(new int[] {0}, new int[] {4}, PathOptions.allTies(2))).isEmpty();
    }

    @Test
    void directedGraphsFollowArcDirectionAndEdgeIdsMapBack() {
        CsrGraph g = PersonalizedPageRankTest.graph(3, false, new int[][] {{1, 0}, {1, 2}}, 1f, 1f);
        ShortestPaths sp = new ShortestPaths(g);
        assertThat(sp.find(new int[] {0}, new int[] {2}, PathOptions.allTies(3))).isEmpty();
        List<GraphPath> paths = sp.find(new int[] {1}, new int[] {2, 0}, PathOptions.allTies(3));
        assertThat(paths).extracting(p -> g.edgeOf(p.arcs()[0])).containsExactly(1, 0);
    }

    @Test
    void multipleSourcesUseTheNearestAndSourcesAreNotTargets() {
        CsrGraph g = diamond();
        List<GraphPath> paths = new ShortestPaths(g).find(new int[] {0, 7}, new int[] {4, 0}, PathOptions.allTies(4));
        assertThat(paths).singleElement().satisfies(p -> assertThat(p.nodes()).containsExactly(7, 4));
        assertThat(g.forward(paths.get(0).arcs()[0])).isTrue();
    }

    @Test
    void allTiesCapBoundsTheEnumeration() {
        CsrGraph.Builder b = CsrGraph.builder(12);
        for (int mid = 1; mid <= 10; mid++) {
            b.addEdge(0, mid, 1f);
            b.addEdge(mid, 11, 1f);
        }
        CsrGraph g = b.build(true);
        assertThat(new ShortestPaths(g).find(new int[] {0}, new int[] {11}, PathOptions.allTies(2))).hasSize(10);
        assertThat(new ShortestPaths(g).find(new int[] {0}, new int[] {11},
                PathOptions.allTies(2).withMaxPathsPerTarget(4))).hasSize(4);
    }

    @Test
    void rejectsOutOfRangeNodes() {
        ShortestPaths sp = new ShortestPaths(diamond());
        assertThatThrownBy(() -> sp.find(new int[] {9}, new int[] {1}, PathOptions.allTies(2)))
                .hasMessageContaining("source 9");
        assertThatThrownBy(() -> PathOptions.heaviest(0, 1)).hasMessageContaining("maxHops");
    }
}
