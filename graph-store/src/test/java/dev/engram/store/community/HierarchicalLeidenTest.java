package dev.engram.store.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HierarchicalLeidenTest {

    /** {@code groups} cliques of {@code size} nodes, each clique joined to the next by one light edge. */
    static EntityNetwork cliques(int groups, int size) {
        List<int[]> edges = new ArrayList<>();
        List<Float> weights = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            for (int i = 0; i < size; i++) {
                for (int j = i + 1; j < size; j++) {
                    edges.add(new int[] {g * size + i, g * size + j});
                    weights.add(1f);
                }
            }
            if (g + 1 < groups) {
                edges.add(new int[] {g * size, (g + 1) * size});
                weights.add(0.1f);
            }
        }
        return network(groups * size, edges, weights);
    }

    static EntityNetwork network(int n, List<int[]> edges, List<Float> weights) {
        int[] from = edges.stream().mapToInt(e -> e[0]).toArray();
        int[] to = edges.stream().mapToInt(e -> e[1]).toArray();
        float[] w = new float[weights.size()];
        for (int i = 0; i < w.length; i++) w[i] = weights.get(i);
        return EntityNetwork.fromEdges(n, from, to, w);
    }

    @Test
    void findsPlantedCliquesAndTheirModularity() {
        EntityNetwork net = cliques(4, 6);
        CommunityHierarchy h = new HierarchicalLeiden(CommunitySettings.DEFAULTS).detect(net, CommunityProgress.NONE);
        assertThat(h.level(0)).hasSize(4);
        assertThat(h.level(0)).allSatisfy(c -> assertThat(c.size()).isEqualTo(6));
        assertThat(h.level(0).get(0).entities()).containsExactly(0, 1, 2, 3, 4, 5);
        // four equal cliques barely linked: Q close to 1 - 1/4
        assertThat(h.modularity()).isBetween(0.70, 0.75);
        assertThat(h.levels()).isEqualTo(1); // nothing above the size cap: no finer level
    }

    @Test
    void splitsCommunitiesAboveTheSizeCapOneLevelDown() {
        // two dense groups of 3 cliques each; cap 10 forces each group (18 nodes) to be split into its cliques
        List<int[]> edges = new ArrayList<>();
        List<Float> weights = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            for (int i = 0; i < 6; i++) {
                for (int j = i + 1; j < 6; j++) {
                    edges.add(new int[] {c * 6 + i, c * 6 + j});
                    weights.add(1f);
                }
            }
        }
        for (int group = 0; group < 2; group++) {
            for (int a = 0; a < 3; a++) {
                for (int b = a + 1; b < 3; b++) {
                    for (int k = 0; k < 3; k++) {
                        edges.add(new int[] {(group * 3 + a) * 6 + k, (group * 3 + b) * 6 + k});
                        weights.add(1f);
                    }
                }
            }
        }
        edges.add(new int[] {0, 35});
        weights.add(0.1f);
        EntityNetwork net = network(36, edges, weights);
        CommunitySettings s = CommunitySettings.DEFAULTS.withMaxSize(10);
        CommunityHierarchy h = new HierarchicalLeiden(s).detect(net, CommunityProgress.NONE);
        List<CommunityHierarchy.Community> top = h.level(0);
        assertThat(top).hasSizeLessThanOrEqualTo(6);
        for (CommunityHierarchy.Community child : h.level(1)) {
            CommunityHierarchy.Community parent = h.byId().get(child.parentId());
            assertThat(parent.size()).isGreaterThan(10);
            assertThat(Arrays.stream(child.entities()).allMatch(e -> Arrays.stream(parent.entities()).anyMatch(p -> p == e)))
                    .isTrue();
            assertThat(child.id()).startsWith(parent.id() + ".");
        }
        // every level-0 community larger than the cap has children, and the leaves respect the cap
        for (CommunityHierarchy.Community c : top) {
            if (c.size() > 10) assertThat(h.level(1)).anyMatch(ch -> ch.parentId().equals(c.id()));
        }
        assertThat(h.level(h.levels() - 1)).allSatisfy(c -> assertThat(c.size()).isLessThanOrEqualTo(10));
    }

    @Test
    void sameSeedSameCommunitiesOnARandomGraph() {
        Random r = new Random(7);
        List<int[]> edges = new ArrayList<>();
        List<Float> weights = new ArrayList<>();
        for (int e = 0; e < 3000; e++) {
            edges.add(new int[] {r.nextInt(800), r.nextInt(800)});
            weights.add(0.1f + r.nextFloat());
        }
        EntityNetwork net = network(800, edges, weights);
        CommunityHierarchy a = new HierarchicalLeiden(CommunitySettings.DEFAULTS).detect(net, CommunityProgress.NONE);
        CommunityHierarchy b = new HierarchicalLeiden(CommunitySettings.DEFAULTS).detect(net, CommunityProgress.NONE);
        assertThat(a.communities()).hasSameSizeAs(b.communities());
        for (int i = 0; i < a.communities().size(); i++) {
            assertThat(a.communities().get(i).id()).isEqualTo(b.communities().get(i).id());
            assertThat(a.communities().get(i).entities()).isEqualTo(b.communities().get(i).entities());
        }
        assertThat(a.modularity()).isEqualTo(b.modularity()).isGreaterThan(0.3);
        int[] labels = new HierarchicalLeiden(CommunitySettings.DEFAULTS).partition(net);
        assertThat(net.modularity(labels, 1.0)).isEqualTo(a.modularity());
    }

    @Test
    void emptyNetworkHasNoCommunities() {
        EntityNetwork net = EntityNetwork.fromEdges(0, new int[0], new int[0], new float[0]);
        assertThat(new HierarchicalLeiden(CommunitySettings.DEFAULTS).detect(net, CommunityProgress.NONE).communities())
                .isEmpty();
    }

    @Test
    void badSettingsAreRefusedClearly() {
        assertThatThrownBy(() -> CommunitySettings.DEFAULTS.withMaxSize(1)).hasMessageContaining("max size");
        assertThatThrownBy(() -> CommunitySettings.DEFAULTS.withResolution(0)).hasMessageContaining("resolution");
        assertThatThrownBy(() -> CommunitySettings.DEFAULTS.withMaxLevels(9)).hasMessageContaining("levels");
    }
}
