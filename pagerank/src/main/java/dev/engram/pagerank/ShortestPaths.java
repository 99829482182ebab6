package dev.engram.pagerank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fewest-hop paths from a set of source nodes to a set of target nodes, following arcs in their stored direction
 * (both ways in an undirected graph), up to a hop limit and through an optional arc filter.
 *
 * <p>A breadth-first search from all sources at once gives each node its hop distance to the nearest source and
 * every arc that reaches it on a fewest-hop path. For each target within reach it returns fewest-hop paths from
 * whichever sources are nearest, heaviest first (sum of arc weights; equal weights in a fixed, deterministic
 * order): all of them or the heaviest few (k-best over the layered search DAG), per {@link PathOptions}. Retrieval wants exactly this order:
 * fewest hops first, then stronger edges. A target that is itself a source, or out of reach, yields no path.
 */
public record ShortestPaths(CsrGraph graph) {

    /** A fresh workspace; reuse it across queries, one per concurrent caller. */
    public Workspace newWorkspace() {
        return new Workspace(graph.nodeCount());
    }

    /** {@link #find(int[], int[], PathOptions, Workspace)} in a fresh workspace. */
    public List<GraphPath> find(int[] sources, int[] targets, PathOptions options) {
        return find(sources, targets, options, newWorkspace());
    }

    /**
     * Finds fewest-hop paths; the result lists targets in the given order (duplicates once), each target's paths
     * heaviest first.
     *
     * @throws IllegalArgumentException if a node id is out of range
     */
    public List<GraphPath> find(int[] sources, int[] targets, PathOptions options, Workspace ws) {
        int n = graph.nodeCount();
        for (int v : sources) {
            checkNode(v, n, "source");
        }
        for (int v : targets) {
            checkNode(v, n, "target");
        }
        ws.clear();
        ws.arcsScanned = 0;
        for (int t : targets) {
            ws.isTarget[t] = true;
        }
        for (int s : sources) {
            if (ws.dist[s] < 0) {
                ws.visit(s, 0);
            }
        }
        try {
            search(targets, options, ws);
        } finally {
            for (int t : targets) {
                ws.isTarget[t] = false;
            }
        }
        List<GraphPath> result = new ArrayList<>();
        if (options.selection() == PathOptions.Selection.HEAVIEST) {
            rankHeaviest(options.maxPathsPerTarget(), ws);
        }
        for (int t : targets) {
            if (ws.dist[t] <= 0 || ws.emitted[t]) {
                continue;
            }
            ws.emitted[t] = true;
            if (options.selection() == PathOptions.Selection.HEAVIEST) {
                emitHeaviest(t, options.maxPathsPerTarget(), ws, result);
            } else {
                emitAllTies(t, options.maxPathsPerTarget(), ws, result);
            }
        }
        return result;
    }

    private static void checkNode(int v, int n, String role) {
        if (v < 0 || v >= n) {
            throw new IllegalArgumentException(role + " " + v + " outside [0," + n + ")");
        }
    }

    /** Layered BFS recording every fewest-hop parent arc; stops after the layer that reaches the last target. */
    private void search(int[] targets, PathOptions options, Workspace ws) {
        PathOptions.ArcFilter allowed = options.allowedArc();
        int limit = options.targetLimit();
        long budget = options.maxArcVisits();
        int layerStart = 0;
        for (int hop = 0; hop < options.maxHops(); hop++) {
            int layerEnd = ws.visitedCount;
            if (layerStart == layerEnd || allReached(targets, ws)) {
                return;
            }
            boolean lastLayer = hop == options.maxHops() - 1; // nodes found now matter only if they are targets
            for (int i = layerStart; i < layerEnd; i++) {
                int u = ws.visited[i];
                if (ws.arcsScanned > budget) {
                    return;
                }
                int first = graph.firstArc(u);
                int end = graph.endArc(u);
                int a = first;
                for (; a < end; a++) {
                    int v = graph.target(a);
                    if (v >= limit) {
                        break; // targets are sorted: no later arc is below the limit
                    }
                    // the cheap tests first: the arc filter may be a lookup
                    if ((lastLayer && !ws.isTarget[v]) || (ws.dist[v] >= 0 && ws.dist[v] != hop + 1)) {
                        continue;
                    }
                    if (allowed != null && !allowed.allows(u, a)) {
                        continue;
                    }
                    if (ws.dist[v] < 0) {
                        ws.visit(v, hop + 1);
                    }
                    ws.addParent(v, u, a);
                }
                ws.arcsScanned += a - first;
            }
            layerStart = layerEnd;
        }
    }

    private static boolean allReached(int[] targets, Workspace ws) {
        for (int t : targets) {
            if (ws.dist[t] < 0) {
                return false;
            }
        }
        return true;
    }

    /** k-best path weights per visited node, in BFS order so parents are done before children. */
    private void rankHeaviest(int k, Workspace ws) {
        ws.ensureBest(ws.visitedCount * k);
        for (int i = 0; i < ws.visitedCount; i++) {
            int v = ws.visited[i];
            int base = i * k;
            if (ws.dist[v] == 0) {
                ws.bestWeight[base] = 0;
                ws.bestEntry[base] = -1;
                ws.bestCount[i] = 1;
                continue;
            }
            int count = 0;
            for (int e = ws.parentHead[v]; e >= 0; e = ws.entryNext[e]) {
                int u = ws.entrySource[e];
                int uBase = ws.slot[u] * k;
                double w = graph.weight(ws.entryArc[e]);
                for (int j = 0; j < ws.bestCount[ws.slot[u]]; j++) {
                    double cand = ws.bestWeight[uBase + j] + w;
                    if (count == k && cand <= ws.bestWeight[base + k - 1]) {
                        break; // the parent's list is sorted, so later ranks are no better
                    }
                    int pos = count < k ? count++ : k - 1;
                    while (pos > 0 && ws.bestWeight[base + pos - 1] < cand) { // insertion keeps earlier ties first
                        ws.bestWeight[base + pos] = ws.bestWeight[base + pos - 1];
                        ws.bestEntry[base + pos] = ws.bestEntry[base + pos - 1];
                        ws.bestRank[base + pos] = ws.bestRank[base + pos - 1];
                        pos--;
                    }
                    ws.bestWeight[base + pos] = cand;
                    ws.bestEntry[base + pos] = e;
                    ws.bestRank[base + pos] = j;
                }
            }
            ws.bestCount[i] = count;
        }
    }

    private void emitHeaviest(int target, int k, Workspace ws, List<GraphPath> out) {
        int slot = ws.slot[target];
        int hops = ws.dist[target];
        for (int j = 0; j < ws.bestCount[slot]; j++) {
            int[] nodes = new int[hops + 1];
            int[] arcs = new int[hops];
            int v = target;
            int rank = j;
            for (int h = hops; h > 0; h--) {
                int idx = ws.slot[v] * k + rank;
                int e = ws.bestEntry[idx];
                nodes[h] = v;
                arcs[h - 1] = ws.entryArc[e];
                rank = ws.bestRank[idx];
                v = ws.entrySource[e];
            }
            nodes[0] = v;
            out.add(new GraphPath(nodes, arcs));
        }
    }

    private void emitAllTies(int target, int cap, Workspace ws, List<GraphPath> out) {
        int hops = ws.dist[target];
        List<GraphPath> found = new ArrayList<>();
        int[] nodes = new int[hops + 1];
        int[] arcs = new int[hops];
        nodes[hops] = target;
        enumerate(target, hops, nodes, arcs, cap, ws, found);
        double[] weights = new double[found.size()];
        Integer[] order = new Integer[found.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            weights[i] = found.get(i).weight(graph);
        }
        Arrays.sort(order, (a, b) -> Double.compare(weights[b], weights[a])); // stable: deterministic among ties
        for (Integer i : order) {
            out.add(found.get(i));
        }
    }

    private void enumerate(int v, int depth, int[] nodes, int[] arcs, int cap, Workspace ws, List<GraphPath> found) {
        if (depth == 0) {
            found.add(new GraphPath(nodes.clone(), arcs.clone()));
            return;
        }
        for (int e = ws.parentHead[v]; e >= 0 && found.size() < cap; e = ws.entryNext[e]) {
            int u = ws.entrySource[e];
            arcs[depth - 1] = ws.entryArc[e];
            nodes[depth - 1] = u;
            enumerate(u, depth - 1, nodes, arcs, cap, ws, found);
        }
    }

    /** Reusable search state: node-indexed arrays are reset only where the last query touched them. */
    public static final class Workspace {
        private final int[] dist;
        private final int[] slot;
        private final int[] parentHead;
        private final boolean[] emitted;
        private final boolean[] isTarget;
        private final int[] visited;
        private int visitedCount;
        private int[] entrySource = new int[64];
        private int[] entryArc = new int[64];
        private int[] entryNext = new int[64];
        private int entryCount;
        private long arcsScanned;
        private double[] bestWeight = new double[0];
        private int[] bestEntry = new int[0];
        private int[] bestRank = new int[0];
        private int[] bestCount = new int[0];

        private Workspace(int n) {
            dist = new int[n];
            Arrays.fill(dist, -1);
            slot = new int[n];
            parentHead = new int[n];
            Arrays.fill(parentHead, -1);
            emitted = new boolean[n];
            isTarget = new boolean[n];
            visited = new int[n];
        }

        /** Arcs the last search scanned (at most its budget plus one node's arcs). */
        public long arcsScanned() {
            return arcsScanned;
        }

        private void clear() {
            for (int i = 0; i < visitedCount; i++) {
                int v = visited[i];
                dist[v] = -1;
                parentHead[v] = -1;
                emitted[v] = false;
            }
            visitedCount = 0;
            entryCount = 0;
        }

        private void visit(int v, int d) {
            dist[v] = d;
            slot[v] = visitedCount;
            visited[visitedCount++] = v;
        }

        private void addParent(int v, int u, int arc) {
            if (entryCount == entryArc.length) {
                int cap = entryCount * 2;
                entrySource = Arrays.copyOf(entrySource, cap);
                entryArc = Arrays.copyOf(entryArc, cap);
                entryNext = Arrays.copyOf(entryNext, cap);
            }
            entrySource[entryCount] = u;
            entryArc[entryCount] = arc;
            entryNext[entryCount] = parentHead[v];
            parentHead[v] = entryCount++;
        }

        private void ensureBest(int size) {
            if (bestWeight.length < size) {
                bestWeight = new double[size];
                bestEntry = new int[size];
                bestRank = new int[size];
            }
            if (bestCount.length < visitedCount) {
                bestCount = new int[visited.length];
            }
        }
    }
}
