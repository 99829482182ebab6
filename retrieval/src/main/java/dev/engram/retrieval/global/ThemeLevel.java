package dev.engram.retrieval.global;

import dev.engram.store.community.CommunityHierarchy;
import dev.engram.store.community.CommunitySettings;
import dev.engram.store.community.EntityNetwork;
import dev.engram.store.community.HierarchicalLeiden;
import dev.engram.store.community.CommunityRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Groups the graph's top-level communities into themes, one level above them. Offline extraction leaves an entity
 * graph in many connected components, and no graph clustering can join components that share no edge, so a theme
 * is found on a small graph whose nodes are the communities: each is linked to its {@code k} most similar
 * communities by summary embedding (cosine) and to the communities it shares entity-graph edges with (weighted
 * relative to the heaviest such link); Leiden
 * (modularity) on that graph gives the themes. Deterministic for a fixed seed.
 */
final class ThemeLevel {
    private ThemeLevel() {}

    /** The theme index of each community of {@code top} (which carry embeddings). */
    static int[] group(List<CommunityRecord> top, java.util.Map<Long, Double> between, CommunitySettings settings) {
        int n = top.size();
        int k = Math.min(settings.themeNeighbours(), n - 1);
        List<int[]> edges = new ArrayList<>();
        List<Float> weights = new ArrayList<>();
        double maxBetween = 0;
        for (double w : between.values()) maxBetween = Math.max(maxBetween, w);
        for (int i = 0; i < n; i++) {
            double[] sims = new double[n];
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) {
                sims[j] = j == i ? Double.NEGATIVE_INFINITY : dot(top.get(i).embedding(), top.get(j).embedding());
                order[j] = j;
            }
            Arrays.sort(order, Comparator.<Integer>comparingDouble(j -> -sims[j]).thenComparingInt(j -> j));
            for (int r = 0; r < k; r++) {
                int j = order[r];
                if (sims[j] > 0) {
                    edges.add(new int[] {i, j});
                    weights.add((float) sims[j]);
                }
            }
        }
        for (java.util.Map.Entry<Long, Double> e : new java.util.TreeMap<>(between).entrySet()) {
            edges.add(new int[] {(int) (e.getKey() / n), (int) (e.getKey() % n)});
            weights.add((float) (e.getValue() / maxBetween));
        }
        int[] from = new int[edges.size()];
        int[] to = new int[edges.size()];
        float[] w = new float[edges.size()];
        for (int e = 0; e < edges.size(); e++) {
            from[e] = edges.get(e)[0];
            to[e] = edges.get(e)[1];
            w[e] = weights.get(e);
        }
        return new HierarchicalLeiden(settings).partition(EntityNetwork.fromEdges(n, from, to, w));
    }

    /** The hierarchy with a theme level on top: themes become level 0, every other community moves one level down. */
    static CommunityHierarchy withThemes(CommunityHierarchy h, int[] themeOf) {
        List<CommunityHierarchy.Community> top = h.level(0);
        int themes = 0;
        for (int t : themeOf) themes = Math.max(themes, t + 1);
        List<List<CommunityHierarchy.Community>> members = new ArrayList<>();
        for (int t = 0; t < themes; t++) members.add(new ArrayList<>());
        for (int i = 0; i < top.size(); i++) members.get(themeOf[i]).add(top.get(i));
        // themes numbered by decreasing size, then by their first community, so ids are stable
        List<int[]> entitiesOf = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int t = 0; t < themes; t++) {
            int[] union = members.get(t).stream().flatMapToInt(c -> Arrays.stream(c.entities())).sorted().distinct()
                    .toArray();
            entitiesOf.add(union);
            if (union.length > 0) order.add(t);
        }
        order.sort(Comparator.<Integer>comparingInt(t -> -entitiesOf.get(t).length)
                .thenComparingInt(t -> entitiesOf.get(t)[0]));
        List<CommunityHierarchy.Community> out = new ArrayList<>();
        String[] themeId = new String[themes];
        for (int r = 0; r < order.size(); r++) {
            int t = order.get(r);
            themeId[t] = "t" + r;
            out.add(new CommunityHierarchy.Community(themeId[t], 0, null, entitiesOf.get(t)));
        }
        java.util.Map<String, String> parentOfTop = new java.util.HashMap<>();
        for (int i = 0; i < top.size(); i++) parentOfTop.put(top.get(i).id(), themeId[themeOf[i]]);
        for (CommunityHierarchy.Community c : h.communities()) {
            String parent = c.level() == 0 ? parentOfTop.get(c.id()) : c.parentId();
            out.add(new CommunityHierarchy.Community(c.id(), c.level() + 1, parent, c.entities()));
        }
        return new CommunityHierarchy(out, h.modularity(), h.nodeCount());
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) s += a[i] * b[i];
        return s;
    }
}
