package dev.engram.store.community;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import nl.cwts.networkanalysis.Clustering;
import nl.cwts.networkanalysis.LeidenAlgorithm;
import nl.cwts.networkanalysis.Network;
import nl.cwts.util.LargeDoubleArray;
import nl.cwts.util.LargeIntArray;

/**
 * Hierarchical Leiden with the algorithm authors' implementation ({@code nl.cwts:networkanalysis}): modularity on the
 * whole entity graph gives level 0; each community larger than the size cap is clustered again, on its own subgraph,
 * to give its children one level down. Every run draws from a {@link Random} seeded from the settings' seed and the
 * community's id, so results do not depend on order or threads. Thread-safe (no state).
 */
public final class HierarchicalLeiden {
    private final CommunitySettings settings;

    /** A detector with these settings. */
    public HierarchicalLeiden(CommunitySettings settings) {
        this.settings = settings;
    }

    /** The community hierarchy of a network. */
    public CommunityHierarchy detect(EntityNetwork network, CommunityProgress progress) {
        int n = network.nodeCount();
        List<CommunityHierarchy.Community> out = new ArrayList<>();
        if (n == 0) {
            return new CommunityHierarchy(out, 0, 0);
        }
        progress.advance("leiden", 0, 1);
        int[] top = partition(network.toNetwork(), settings.seed());
        double modularity = network.modularity(top, settings.resolution());
        List<int[]> groups = groups(top, identity(n));
        record Pending(String id, int[] nodes) {}
        List<Pending> next = new ArrayList<>();
        int index = 0;
        for (int[] g : groups) {
            if (g.length < settings.minSize()) continue;
            String id = "c" + index++;
            out.add(new CommunityHierarchy.Community(id, 0, null, entities(network, g)));
            next.add(new Pending(id, g));
        }
        long splitsDone = 0;
        for (int level = 1; level < settings.maxLevels(); level++) {
            List<Pending> current = next;
            next = new ArrayList<>();
            long total = current.stream().filter(p -> p.nodes().length > settings.maxSize()).count();
            for (Pending parent : current) {
                if (parent.nodes().length <= settings.maxSize()) continue;
                SubNetwork sub = subnetwork(network, parent.nodes());
                int[] labels = partition(sub.network(), settings.seed() * 31 + parent.id().hashCode());
                List<int[]> children = groups(labels, parent.nodes());
                progress.advance("leiden level " + level, ++splitsDone, total);
                if (children.size() < 2) continue; // cannot be split: stays a leaf
                int child = 0;
                for (int[] g : children) {
                    if (g.length < settings.minSize()) continue;
                    String id = parent.id() + "." + child++;
                    out.add(new CommunityHierarchy.Community(id, level, parent.id(), entities(network, g)));
                    next.add(new Pending(id, g));
                }
            }
            splitsDone = 0;
        }
        progress.advance("leiden", 1, 1);
        return new CommunityHierarchy(out, modularity, n);
    }

    /** The best (highest modularity) Leiden partition of a whole network, one label per node (benchmarks). */
    public int[] partition(EntityNetwork network) {
        return partition(network.toNetwork(), settings.seed());
    }

    private int[] partition(Network network, long seed) {
        double resolution = settings.resolution()
                / (2 * network.getTotalEdgeWeight() + network.getTotalEdgeWeightSelfLinks());
        Random random = new Random(seed);
        LeidenAlgorithm leiden = new LeidenAlgorithm(resolution, settings.iterations(),
                LeidenAlgorithm.DEFAULT_RANDOMNESS, random);
        Clustering best = null;
        double bestQuality = Double.NEGATIVE_INFINITY;
        for (int start = 0; start < settings.randomStarts(); start++) {
            Clustering clustering = new Clustering(network.getNNodes());
            leiden.improveClustering(network, clustering);
            double quality = leiden.calcQuality(network, clustering);
            if (quality > bestQuality) {
                best = clustering;
                bestQuality = quality;
            }
        }
        return best.getClusters();
    }

    /** Nodes grouped by label, groups by decreasing size then smallest member, members ascending. */
    private static List<int[]> groups(int[] labels, int[] nodes) {
        int k = 0;
        for (int l : labels) k = Math.max(k, l + 1);
        int[] counts = new int[k];
        for (int l : labels) counts[l]++;
        int[][] members = new int[k][];
        for (int c = 0; c < k; c++) members[c] = new int[counts[c]];
        int[] fill = new int[k];
        for (int i = 0; i < labels.length; i++) {
            members[labels[i]][fill[labels[i]]++] = nodes[i];
        }
        List<int[]> out = new ArrayList<>();
        for (int[] m : members) {
            if (m.length > 0) {
                Arrays.sort(m);
                out.add(m);
            }
        }
        out.sort(Comparator.<int[]>comparingInt(m -> -m.length).thenComparingInt(m -> m[0]));
        return out;
    }

    private static int[] identity(int n) {
        int[] ids = new int[n];
        Arrays.setAll(ids, i -> i);
        return ids;
    }

    private static int[] entities(EntityNetwork network, int[] nodes) {
        int[] out = new int[nodes.length];
        for (int i = 0; i < nodes.length; i++) out[i] = network.entity(nodes[i]);
        Arrays.sort(out);
        return out;
    }

    private record SubNetwork(Network network) {}

    /** The subgraph induced by {@code nodes} (ascending), node weights its own weighted degrees. */
    private static SubNetwork subnetwork(EntityNetwork network, int[] nodes) {
        int[] local = new int[network.nodeCount()];
        Arrays.fill(local, -1);
        for (int i = 0; i < nodes.length; i++) local[nodes[i]] = i;
        long[] offsets = new long[nodes.length + 1];
        int arcs = 0;
        for (int node : nodes) {
            for (long a = network.firstArc(node); a < network.endArc(node); a++) {
                if (local[network.target(a)] >= 0) arcs++;
            }
        }
        int[] neighbours = new int[arcs];
        double[] weights = new double[arcs];
        int k = 0;
        for (int i = 0; i < nodes.length; i++) {
            offsets[i] = k;
            for (long a = network.firstArc(nodes[i]); a < network.endArc(nodes[i]); a++) {
                int t = local[network.target(a)];
                if (t >= 0) {
                    neighbours[k] = t;
                    weights[k] = network.weight(a);
                    k++;
                }
            }
        }
        offsets[nodes.length] = k;
        return new SubNetwork(new Network(nodes.length, true, offsets, new LargeIntArray(neighbours),
                new LargeDoubleArray(weights), false));
    }
}
