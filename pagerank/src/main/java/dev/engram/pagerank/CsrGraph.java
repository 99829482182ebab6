package dev.engram.pagerank;

import java.util.Arrays;

/**
 * Immutable weighted graph in compressed-sparse-row form: int node ids {@code 0..nodeCount-1}, float arc weights.
 *
 * <p>Each node's outgoing arcs occupy {@code [firstArc(node), endArc(node))}, sorted by target. Parallel edges
 * between the same ordered pair are merged into one arc whose weight is their sum. An undirected edge is stored as
 * two arcs (one each way); an undirected self-loop is stored as a single arc carrying its weight once.
 *
 * <p>Storage is 6 bytes an arc (int target, a 2-byte code into a palette of the graph's distinct weights) plus 4
 * bytes a node when the graph has at most {@link #MAX_PALETTE} distinct weights and at most one per four arcs, as
 * knowledge graphs do (support counts, one mention weight, synonym similarities); otherwise 8 bytes an arc (target,
 * float weight). So an
 * undirected graph costs about 12 (or 16) bytes per input edge and a directed one about 6 (or 8); a graph built
 * {@link Builder#build(boolean) with edge references} keeps 4 bytes more an arc to map arcs back to the edges added.
 */
public final class CsrGraph {

    private final int nodeCount;
    private final boolean undirected;
    private final int[] offsets;
    /** Most distinct weights a palette holds (a {@code char} code each). */
    public static final int MAX_PALETTE = 1 << 16;

    private final int[] targets;
    /** Arc weights, or null when they are coded: {@code palette[codes[arc]]}. */
    private final float[] weights;
    private final char[] codes;
    private final float[] palette;
    /**
     * Index of the first added edge merged into the arc, bitwise complement when the arc runs against it; null when
     * built without (callers that need the edge then find it from the arc's endpoints themselves).
     */
    private final int[] edgeRefs;
    private final int edgeCount;

    private CsrGraph(int nodeCount, boolean undirected, int[] offsets, int[] targets, float[] weights,
                     int[] edgeRefs, int edgeCount) {
        this.nodeCount = nodeCount;
        this.undirected = undirected;
        this.offsets = offsets;
        this.targets = targets;
        // coded only where the table costs less than the halved column saves
        WeightPalette coded = WeightPalette.of(weights, Math.min(MAX_PALETTE, weights.length / 4));
        this.weights = coded == null ? weights : null;
        this.codes = coded == null ? null : coded.codes();
        this.palette = coded == null ? null : coded.palette();
        this.edgeRefs = edgeRefs;
        this.edgeCount = edgeCount;
    }

    /** Starts a builder for a graph with node ids {@code 0..nodeCount-1}. */
    public static Builder builder(int nodeCount) {
        return new Builder(nodeCount);
    }

    /** Number of nodes. */
    public int nodeCount() {
        return nodeCount;
    }

    /** Number of stored arcs (after merging parallel edges and doubling undirected ones). */
    public int arcCount() {
        return targets.length;
    }

    /** Number of edges that were added to the builder. */
    public int edgeCount() {
        return edgeCount;
    }

    /** Whether the graph was built as undirected (every arc has a reverse arc of equal weight). */
    public boolean undirected() {
        return undirected;
    }

    /** Number of outgoing arcs of {@code node}. */
    public int outDegree(int node) {
        return offsets[node + 1] - offsets[node];
    }

    /** First outgoing arc id of {@code node}. */
    public int firstArc(int node) {
        return offsets[node];
    }

    /** One past the last outgoing arc id of {@code node}. */
    public int endArc(int node) {
        return offsets[node + 1];
    }

    /** Target node of {@code arc}. */
    public int target(int arc) {
        return targets[arc];
    }

    /** Weight of {@code arc} (sum over merged parallel edges). */
    public float weight(int arc) {
        return weights != null ? weights[arc] : palette[codes[arc]];
    }

    /** Source node of {@code arc}; a binary search over the offsets, O(log nodeCount). */
    public int source(int arc) {
        if (arc < 0 || arc >= targets.length) {
            throw new IndexOutOfBoundsException("arc " + arc + " not in [0," + targets.length + ")");
        }
        int lo = 0;
        int hi = nodeCount - 1;
        while (lo < hi) { // last node whose first arc is <= arc
            int mid = (lo + hi + 1) >>> 1;
            if (offsets[mid] <= arc) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Whether {@link #edgeOf(int)} and {@link #forward(int)} are available (built with edge references). */
    public boolean hasEdgeRefs() {
        return edgeRefs != null;
    }

    /**
     * Index (in {@code addEdge} order) of the first added edge that was merged into {@code arc}.
     *
     * @throws IllegalStateException if the graph was built without edge references
     */
    public int edgeOf(int arc) {
        int ref = refs()[arc];
        return ref >= 0 ? ref : ~ref;
    }

    /** Whether {@code arc} runs in the direction its edge {@link #edgeOf(int)} was added (false for reverse copies). */
    public boolean forward(int arc) {
        return refs()[arc] >= 0;
    }

    private int[] refs() {
        if (edgeRefs == null) {
            throw new IllegalStateException("graph built without edge references");
        }
        return edgeRefs;
    }

    /** Arc id from {@code from} to {@code to}, or -1 if there is none; a binary search over the sorted targets. */
    public int findArc(int from, int to) {
        int i = Arrays.binarySearch(targets, offsets[from], offsets[from + 1], to);
        return i >= 0 ? i : -1;
    }

    /** Sum of the outgoing arc weights of {@code node}. */
    public double outWeight(int node) {
        double sum = 0;
        for (int a = offsets[node], end = offsets[node + 1]; a < end; a++) {
            sum += weight(a);
        }
        return sum;
    }

    /** Approximate heap footprint of the arrays, in bytes. */
    public long memoryBytes() {
        long weightBytes = weights != null ? 4L * weights.length : 2L * codes.length + 4L * palette.length;
        return 4L * offsets.length + 4L * targets.length + weightBytes + (edgeRefs == null ? 0 : 4L * edgeRefs.length);
    }

    /** Whether the weights are stored as palette codes (2 bytes an arc) rather than floats (4). */
    public boolean weightsCoded() {
        return weights == null;
    }

    // Package-private raw access for the hot loops in this package; callers must not modify the arrays.
    int[] offsetsArray() {
        return offsets;
    }

    int[] targetsArray() {
        return targets;
    }

    /** The arc weights as floats: the graph's own array, or a new one decoded from the palette. */
    float[] weightsArray() {
        if (weights != null) {
            return weights;
        }
        float[] out = new float[codes.length];
        for (int a = 0; a < out.length; a++) {
            out[a] = palette[codes[a]];
        }
        return out;
    }

    @Override
    public String toString() {
        return "CsrGraph[nodes=" + nodeCount + ", arcs=" + targets.length + ", undirected=" + undirected + "]";
    }

    /** Appends edges into growable primitive arrays and builds a {@link CsrGraph} with two counting sorts. */
    public static final class Builder {
        private final int nodeCount;
        private int[] from = new int[16];
        private int[] to = new int[16];
        private float[] weight = new float[16];
        private int size;

        private Builder(int nodeCount) {
            if (nodeCount < 0) {
                throw new IllegalArgumentException("nodeCount must be >= 0, got " + nodeCount);
            }
            this.nodeCount = nodeCount;
        }

        /** Number of nodes the graph will have. */
        public int nodeCount() {
            return nodeCount;
        }

        /** Number of edges added so far. */
        public int edgeCount() {
            return size;
        }

        /**
         * Adds an edge and returns its index (0, 1, 2, … in call order), which {@link CsrGraph#edgeOf(int)} reports.
         *
         * @throws IllegalArgumentException if a node id is out of range or the weight is negative, NaN or infinite
         */
        public int addEdge(int fromNode, int toNode, float edgeWeight) {
            if (fromNode < 0 || fromNode >= nodeCount || toNode < 0 || toNode >= nodeCount) {
                throw new IllegalArgumentException(
                        "edge " + fromNode + "->" + toNode + " has a node outside [0," + nodeCount + ")");
            }
            if (!(edgeWeight >= 0) || Float.isInfinite(edgeWeight)) {
                throw new IllegalArgumentException(
                        "edge " + fromNode + "->" + toNode + " has invalid weight " + edgeWeight + " (need finite >= 0)");
            }
            if (size == from.length) {
                int cap = Math.max(16, (int) Math.min(Integer.MAX_VALUE - 8L, size * 2L));
                from = Arrays.copyOf(from, cap);
                to = Arrays.copyOf(to, cap);
                weight = Arrays.copyOf(weight, cap);
            }
            from[size] = fromNode;
            to[size] = toNode;
            weight[size] = edgeWeight;
            return size++;
        }

        /**
         * Builds the graph with edge references ({@link CsrGraph#edgeOf(int)}). With {@code undirected} every edge
         * {@code u-v} (u != v) becomes arcs u→v (forward) and v→u (reverse). The builder stays usable.
         */
        public CsrGraph build(boolean undirected) {
            return buildWithEdgeRefs(undirected, true);
        }

        /** Builds the compact graph, 8 bytes an arc: no edge references, so {@code edgeOf} is not available. */
        public CsrGraph buildCompact(boolean undirected) {
            return buildWithEdgeRefs(undirected, false);
        }

        /** Builds the graph, keeping the arcs' edge references (4 bytes an arc) when {@code edgeRefs} is set. */
        public CsrGraph buildWithEdgeRefs(boolean undirected, boolean edgeRefs) {
            long rawLong = size;
            if (undirected) {
                for (int e = 0; e < size; e++) {
                    if (from[e] != to[e]) {
                        rawLong++;
                    }
                }
            }
            if (rawLong > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("too many arcs for int ids: " + rawLong);
            }
            int raw = (int) rawLong;
            // Raw arcs in edge order, each edge's forward arc (e) before its reverse copy (~e).
            int[] rawRefs = new int[raw];
            for (int e = 0, k = 0; e < size; e++) {
                rawRefs[k++] = e;
                if (undirected && from[e] != to[e]) {
                    rawRefs[k++] = ~e;
                }
            }
            // Pass 1: stable counting sort of raw arcs by target; pass 2: stable by source. Result is ordered by
            // (source, target, raw position), so the first arc of a parallel group carries the smallest edge index.
            int[] byTarget = countingSort(raw, null, rawRefs, true);
            int[] order = countingSort(raw, byTarget, rawRefs, false);

            int[] offsets = new int[nodeCount + 1];
            int[] targets = new int[raw];
            float[] weights = new float[raw];
            int[] refs = edgeRefs ? new int[raw] : null;
            int arcs = 0;
            int prevSource = -1;
            int prevTarget = -1;
            double groupWeight = 0; // summed in double so u->v and v->u round to the same float
            for (int i = 0; i < raw; i++) {
                int ref = rawRefs[order[i]];
                int e = ref >= 0 ? ref : ~ref;
                int s = ref >= 0 ? from[e] : to[e];
                int t = ref >= 0 ? to[e] : from[e];
                if (s == prevSource && t == prevTarget) {
                    groupWeight += weight[e];
                    weights[arcs - 1] = (float) groupWeight;
                    continue;
                }
                groupWeight = weight[e];
                targets[arcs] = t;
                weights[arcs] = weight[e];
                if (refs != null) {
                    refs[arcs] = ref;
                }
                offsets[s + 1]++;
                arcs++;
                prevSource = s;
                prevTarget = t;
            }
            for (int v = 0; v < nodeCount; v++) {
                offsets[v + 1] += offsets[v];
            }
            return new CsrGraph(nodeCount, undirected, offsets,
                    Arrays.copyOf(targets, arcs), Arrays.copyOf(weights, arcs),
                    refs == null ? null : Arrays.copyOf(refs, arcs), size);
        }

        private int key(int ref, boolean byTarget) {
            return (ref >= 0) == byTarget ? to[ref >= 0 ? ref : ~ref] : from[ref >= 0 ? ref : ~ref];
        }

        private int[] countingSort(int raw, int[] input, int[] rawRefs, boolean byTarget) {
            int[] start = new int[nodeCount + 1];
            for (int i = 0; i < raw; i++) {
                int r = input == null ? i : input[i];
                start[key(rawRefs[r], byTarget) + 1]++;
            }
            for (int v = 0; v < nodeCount; v++) {
                start[v + 1] += start[v];
            }
            int[] out = new int[raw];
            for (int i = 0; i < raw; i++) {
                int r = input == null ? i : input[i];
                out[start[key(rawRefs[r], byTarget)]++] = r;
            }
            return out;
        }
    }
}
