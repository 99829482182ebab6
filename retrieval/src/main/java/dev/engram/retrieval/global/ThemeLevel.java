package dev.engram.retrieval.global;

import dev.engram.pagerank.CsrGraph;
import dev.engram.retrieval.graph.AccessMask;
import dev.engram.store.community.CommunityHierarchy;
import dev.engram.store.community.CommunitySettings;
import dev.engram.store.community.EntityNetwork;
import dev.engram.store.community.HierarchicalLeiden;
import dev.engram.store.projection.GraphProjection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The theme level, one above the graph's top-level communities. Offline extraction leaves an entity graph in many
 * connected components, and no clustering of that graph can join components that share no edge, so themes are found
 * on the passages instead: a graph of the readable chunks, each linked to its {@code k} most similar chunks by
 * embedding (cosine), and of the entities they mention (one edge per mention). Leiden (modularity, resolution 1, the
 * settings' seed) on it gives topic clusters of passages and of the entities in them. A theme owns its cluster's
 * chunks and entities; a top-level community goes under the theme most of its members' mentions fall in, which may
 * not hold every one of its members (a theme is a cluster of passages, not a union of communities). Only readable
 * chunks and their mentions take part.
 */
final class ThemeLevel {
    /** Above this many readable chunks the exact k-nearest-neighbour pass (quadratic) is left out: mentions only. */
    static final int MAX_KNN_PASSAGES = 50_000;

    /**
     * Theme labels (arbitrary numbers): {@code themeOfTop[i]} is the parent of the i-th top-level community,
     * {@code entityTheme} and {@code chunkTheme} give the theme of every entity and chunk node in the passage graph.
     */
    record Themes(int[] themeOfTop, Map<Integer, Integer> entityTheme, Map<Integer, Integer> chunkTheme) {}

    /** The hierarchy with its theme level, and the chunk nodes each theme owns (by theme id). */
    record Placed(CommunityHierarchy hierarchy, Map<String, int[]> themeChunks) {}

    private ThemeLevel() {}

    /** The themes of {@code top} on the passage graph of what {@code mask} may read. */
    static Themes group(GraphProjection p, AccessMask mask, List<CommunityHierarchy.Community> top,
                        Map<String, float[]> chunkVectors, CommunitySettings settings) {
        CsrGraph g = p.graph();
        List<Integer> chunks = new ArrayList<>();
        for (int c = p.entityCount(); c < g.nodeCount(); c++) {
            if (mask.chunk(c)) chunks.add(c);
        }
        int n = chunks.size();
        Map<Integer, Integer> entityNode = new TreeMap<>();
        List<int[]> edges = new ArrayList<>();
        List<Float> weights = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int c = chunks.get(i);
            for (int a = g.firstArc(c); a < g.endArc(c); a++) {
                int e = g.target(a);
                if (e < p.entityCount() && g.weight(a) > 0f) {
                    Integer node = entityNode.computeIfAbsent(e, x -> n + entityNode.size());
                    edges.add(new int[] {i, node});
                    weights.add(1f);
                }
            }
        }
        if (n <= MAX_KNN_PASSAGES) nearest(chunks, p, chunkVectors, settings.themeNeighbours(), edges, weights);
        int nodes = n + entityNode.size();
        int[] from = new int[edges.size()];
        int[] to = new int[edges.size()];
        float[] w = new float[edges.size()];
        for (int e = 0; e < edges.size(); e++) {
            from[e] = edges.get(e)[0];
            to[e] = edges.get(e)[1];
            w[e] = weights.get(e);
        }
        int[] label = new HierarchicalLeiden(settings).partition(EntityNetwork.fromEdges(nodes, from, to, w));
        int labels = Arrays.stream(label).max().orElse(-1) + 1;
        int[] themeOfTop = new int[top.size()];
        for (int t = 0; t < top.size(); t++) {
            long[] votes = new long[labels];
            for (int e : top.get(t).entities()) {
                for (int a = g.firstArc(e); a < g.endArc(e); a++) {
                    int c = g.target(a);
                    if (c >= p.entityCount() && g.weight(a) > 0f && mask.chunk(c)) {
                        votes[label[Collections.binarySearch(chunks, c)]]++; // chunks ascend
                    }
                }
            }
            int best = -1;
            for (int l = 0; l < labels; l++) {
                if (votes[l] > 0 && (best < 0 || votes[l] > votes[best])) best = l;
            }
            // a community none of whose members a readable chunk mentions is a theme of its own
            themeOfTop[t] = best >= 0 ? best : labels + t;
        }
        Map<Integer, Integer> entityTheme = new TreeMap<>();
        entityNode.forEach((e, node) -> entityTheme.put(e, label[node]));
        Map<Integer, Integer> chunkTheme = new TreeMap<>();
        for (int i = 0; i < n; i++) chunkTheme.put(chunks.get(i), label[i]);
        return new Themes(themeOfTop, entityTheme, chunkTheme);
    }

    /** Adds an edge from every chunk to its {@code k} most similar chunks (positive cosine only). */
    private static void nearest(List<Integer> chunks, GraphProjection p, Map<String, float[]> chunkVectors, int k,
                                List<int[]> edges, List<Float> weights) {
        int n = chunks.size();
        float[][] v = new float[n][];
        for (int i = 0; i < n; i++) v[i] = unit(chunkVectors.get(p.nodeId(chunks.get(i))));
        for (int i = 0; i < n; i++) {
            if (v[i] == null) continue;
            double[] sims = new double[n];
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) {
                sims[j] = j == i || v[j] == null ? Double.NEGATIVE_INFINITY : dot(v[i], v[j]);
                order[j] = j;
            }
            Arrays.sort(order, Comparator.<Integer>comparingDouble(j -> -sims[j]).thenComparingInt(j -> j));
            for (int r = 0; r < Math.min(k, n - 1); r++) {
                int j = order[r];
                if (sims[j] > 0) {
                    edges.add(new int[] {i, j});
                    weights.add((float) sims[j]);
                }
            }
        }
    }

    private static float[] unit(float[] x) {
        if (x == null) return null;
        double s = 0;
        for (float f : x) s += f * f;
        if (s == 0) return null;
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) out[i] = (float) (x[i] / Math.sqrt(s));
        return out;
    }

    /**
     * The hierarchy with a theme level on top: themes become level 0, every other community moves one level down. A
     * theme holds the entities of its passage cluster, and the members of its communities that no readable chunk
     * mentions; a cluster with no entity is no theme (its chunks stay unowned).
     */
    static Placed withThemes(CommunityHierarchy h, Themes grouped) {
        int[] themeOf = grouped.themeOfTop();
        List<CommunityHierarchy.Community> top = h.level(0);
        int themes = 0;
        for (int t : themeOf) themes = Math.max(themes, t + 1);
        for (int t : grouped.entityTheme().values()) themes = Math.max(themes, t + 1);
        List<List<Integer>> members = new ArrayList<>();
        List<List<Integer>> chunksOf = new ArrayList<>();
        for (int t = 0; t < themes; t++) {
            members.add(new ArrayList<>());
            chunksOf.add(new ArrayList<>());
        }
        grouped.entityTheme().forEach((e, t) -> members.get(t).add(e));
        int[] parentLabel = new int[top.size()];
        for (int i = 0; i < top.size(); i++) {
            int label = themeOf[i];
            // the vote went to a cluster that holds no entity: the cluster most of the members are in, else the vote
            if (members.get(label).isEmpty()) label = mostMembers(top.get(i).entities(), grouped.entityTheme(), label);
            parentLabel[i] = label;
            for (int e : top.get(i).entities()) {
                if (!grouped.entityTheme().containsKey(e)) members.get(label).add(e);
            }
            if (members.get(label).isEmpty()) members.get(label).add(top.get(i).entities()[0]);
        }
        grouped.chunkTheme().forEach((c, t) -> chunksOf.get(t).add(c));
        // themes numbered by decreasing size, then by their first entity, so ids are stable
        List<int[]> entitiesOf = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int t = 0; t < themes; t++) {
            int[] union = members.get(t).stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
            entitiesOf.add(union);
            if (union.length > 0) order.add(t);
        }
        order.sort(Comparator.<Integer>comparingInt(t -> -entitiesOf.get(t).length)
                .thenComparingInt(t -> entitiesOf.get(t)[0]));
        List<CommunityHierarchy.Community> out = new ArrayList<>();
        Map<String, int[]> themeChunks = new HashMap<>();
        String[] themeId = new String[themes];
        for (int r = 0; r < order.size(); r++) {
            int t = order.get(r);
            themeId[t] = "t" + r;
            out.add(new CommunityHierarchy.Community(themeId[t], 0, null, entitiesOf.get(t)));
            themeChunks.put(themeId[t], chunksOf.get(t).stream().mapToInt(Integer::intValue).sorted().toArray());
        }
        Map<String, String> parentOfTop = new HashMap<>();
        for (int i = 0; i < top.size(); i++) parentOfTop.put(top.get(i).id(), themeId[parentLabel[i]]);
        for (CommunityHierarchy.Community c : h.communities()) {
            String parent = c.level() == 0 ? parentOfTop.get(c.id()) : c.parentId();
            out.add(new CommunityHierarchy.Community(c.id(), c.level() + 1, parent, c.entities()));
        }
        return new Placed(new CommunityHierarchy(out, h.modularity(), h.nodeCount()), themeChunks);
    }

    private static int mostMembers(int[] entities, Map<Integer, Integer> entityTheme, int otherwise) {
        Map<Integer, Integer> votes = new TreeMap<>();
        for (int e : entities) {
            Integer t = entityTheme.get(e);
            if (t != null) votes.merge(t, 1, Integer::sum);
        }
        int best = otherwise;
        int most = 0;
        for (Map.Entry<Integer, Integer> v : votes.entrySet()) {
            if (v.getValue() > most) {
                most = v.getValue();
                best = v.getKey();
            }
        }
        return best;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) s += a[i] * b[i];
        return s;
    }
}
