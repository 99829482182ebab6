package dev.engram.pagerank;

import java.util.Arrays;

/**
 * Weighted Personalized PageRank by power iteration over a {@link CsrGraph}, matching igraph's PRPACK
 * implementation ({@code personalized_pagerank(..., implementation="prpack")}).
 *
 * <p>The random walk follows an outgoing arc with probability {@code damping}, chosen in proportion to arc weight,
 * and otherwise restarts at a node drawn from the normalised reset vector. Conventions, all as in igraph/PRPACK and
 * checked numerically against it (see {@code bench/ppr-vs-igraph}):
 * <ul>
 *   <li><b>Dangling nodes</b> (no outgoing arc of positive weight, including isolated nodes and nodes whose arcs all
 *   weigh 0) send all their mass back according to the reset vector, so the scores always sum to 1 and the result
 *   is the stationary distribution of the chain whose dangling rows equal the reset vector.</li>
 *   <li>Zero-weight arcs are never followed.</li>
 *   <li>In an undirected graph a self-loop counts twice (it adds twice its weight to the node's degree and to its
 *   chance of staying put), as in igraph; in a directed graph it counts once.</li>
 * </ul>
 *
 * <p>Instances are immutable and thread-safe; each concurrent query needs its own {@link Workspace}. A warm query
 * allocates nothing proportional to the graph. Each sweep is a pull over in-arcs (a renumbered copy built here, or
 * in {@link Layout#GRAPH_ORDER} the graph's own arrays when it is undirected and a transposed copy when it is
 * directed), which parallelises without atomics.
 *
 * <p>Doing less work per query, with the same fixed point: sweeps are Gauss-Seidel (in place, so a sweep already
 * uses the scores it has just updated), slightly over-relaxed ({@link #OVER_RELAXATION}); nodes are by default
 * renumbered internally by in-degree ({@link Layout#DEGREE_ORDERED}), which makes each sweep cheaper; and while the
 * scores still move by more than {@link #FLOAT_CHANGE_LIMIT} in a sweep, the column gathered over the arcs is kept
 * in float, halving its bytes and cache footprint; below that change the sweeps switch to double, so tolerances down
 * to 1e-12 are still reached. A run stops once a sweep changes the scores by less than the tolerance (L1).
 *
 * <p>On graphs too large for the caches ({@link #TILE_MIN_NODES} nodes or more, degree-ordered) a sweep is tiled:
 * nodes are updated in blocks of {@link #DEFAULT_BLOCK_SHIFT 2^16}, and a block's in-arcs are stored sorted by
 * source, so the gather over them reads the score column in ascending order instead of at random; their sums go to
 * a block-sized accumulator that stays in cache. A block's arcs among its own nodes are kept apart and added as
 * each node is updated, so the sweep stays Gauss-Seidel throughout (hubs, numbered last, share a block).
 */
public final class PersonalizedPageRank {

    /**
     * L1 change per sweep above which the gathered column is stored in float: its rounding (2^-24 relative, so
     * about 6e-8 in L1 for scores summing to 1) is then well below the change still to come.
     */
    public static final double FLOAT_CHANGE_LIMIT = 1e-6;

    /**
     * Over-relaxation factor of the sweeps (successive over-relaxation on top of Gauss-Seidel; 1 would be plain
     * Gauss-Seidel). Any factor in (0, 2) has the same fixed point; on the benchmark graphs (random and power-law,
     * damping 0.5 and 0.85) 1.05 cuts the sweeps to 1e-8 by about a sixth, while 1.1 and above start to amplify
     * the oscillating error components of near-bipartite graphs.
     */
    static final double OVER_RELAXATION = 1.05;

    /**
     * Nodes from which a degree-ordered sweep is tiled by default. Below it the score column (4 bytes a node in
     * float) fits the 2 MB caches of the benchmark machine, and the random reads a tile avoids are cache hits.
     */
    public static final int TILE_MIN_NODES = 1 << 19;

    /**
     * log2 of the default tile (nodes updated together): 2^16 double sums are a 512 KB accumulator, inside L2, and
     * a node's place in its tile fits a {@code char} (2 bytes an arc), so no tile can be larger. Smaller tiles
     * (2^14, 2^12) were slower on the benchmark graphs of 10^7 edges: they read the column in more passes.
     */
    public static final int DEFAULT_BLOCK_SHIFT = 16;

    /** How the pull structure is laid out in memory; both give the same scores. */
    public enum Layout {
        /**
         * Nodes renumbered internally in ascending order of in-degree, in a copy of the arcs (8 bytes an arc and 16
         * a node more for an undirected graph; a directed one needs a transposed copy anyway). Runs of equal degree
         * make the per-node arc loop's exit branch predictable and put hubs' scores on few cache lines, which on
         * graphs of 10^6 to 10^7 edges makes a sweep about 1.5 to 2 times faster.
         */
        DEGREE_ORDERED,
        /** The graph's own node order, sharing the graph's arrays when it is undirected (no copy). */
        GRAPH_ORDER
    }

    private final CsrGraph graph;
    private final int n;
    /** Node id at each internal position, or null when positions are node ids. */
    private final int[] nodeAt;
    // Everything below is indexed by internal position (= node id when nodeAt is null).
    private final int[] inOffsets;
    private final int[] inSources;
    private final float[] inWeights;
    /** 1 / weighted out-degree, 0 for dangling nodes. */
    private final double[] invOutWeight;
    /** Extra self-transition weight (the second count of an undirected self-loop), or null if there is none. */
    private final double[] loopExtra;
    /** log2 of the tile size, or 0 when sweeps are not tiled. */
    private final int blockShift;
    /**
     * When tiled: each arc's target as its place in its tile. A tile's arcs are then the same range of the arc
     * arrays as untiled, but ordered by source, so {@code inOffsets} bounds tiles and no longer single nodes.
     */
    private final char[] tileTarget;
    /**
     * When tiled: where each node's arcs from its own tile start. They follow the tile's other arcs, grouped by
     * target, and are added at the node's update, so within a tile the sweep is Gauss-Seidel too.
     */
    private final int[] innerStart;

    /** Prepares the pull structure for {@code graph} in the {@link Layout#DEGREE_ORDERED} layout (O(arcs)). */
    public PersonalizedPageRank(CsrGraph graph) {
        this(graph, Layout.DEGREE_ORDERED);
    }

    /** Prepares the pull structure for {@code graph} in the given layout (O(arcs)). */
    public PersonalizedPageRank(CsrGraph graph, Layout layout) {
        this(graph, layout, layout == Layout.DEGREE_ORDERED && graph.nodeCount() >= TILE_MIN_NODES
                ? DEFAULT_BLOCK_SHIFT : 0);
    }

    /**
     * Degree-ordered, with sweeps tiled in blocks of {@code 2^blockShift} nodes whatever the graph's size (0: not
     * tiled); for tests and benchmarks of the tiling.
     */
    static PersonalizedPageRank degreeOrdered(CsrGraph graph, int blockShift) {
        if (blockShift < 0 || blockShift > 16) {
            throw new IllegalArgumentException("blockShift " + blockShift + " is outside 0..16");
        }
        return new PersonalizedPageRank(graph, Layout.DEGREE_ORDERED, blockShift);
    }

    private PersonalizedPageRank(CsrGraph graph, Layout layout, int blockShift) {
        this.graph = graph;
        this.n = graph.nodeCount();
        int[] offsets = graph.offsetsArray();
        int[] targets = graph.targetsArray();
        float[] weights = graph.weightsArray();
        double[] invOut = new double[n];
        double[] loops = null;
        for (int u = 0; u < n; u++) {
            double sum = 0;
            for (int a = offsets[u]; a < offsets[u + 1]; a++) {
                sum += weights[a];
                if (graph.undirected() && targets[a] == u && weights[a] > 0) {
                    if (loops == null) {
                        loops = new double[n];
                    }
                    loops[u] += weights[a];
                    sum += weights[a];
                }
            }
            invOut[u] = sum > 0 ? 1.0 / sum : 0.0;
        }
        int[] pullOffsets;
        int[] pullSources;
        float[] pullWeights;
        if (graph.undirected()) {
            // Symmetric: in-arcs of v are the reverses of its out-arcs, with the same weights.
            pullOffsets = offsets;
            pullSources = targets;
            pullWeights = weights;
        } else {
            int[] inOffsets = new int[n + 1];
            for (int t : targets) {
                inOffsets[t + 1]++;
            }
            for (int v = 0; v < n; v++) {
                inOffsets[v + 1] += inOffsets[v];
            }
            int[] fill = Arrays.copyOf(inOffsets, n);
            int[] inSources = new int[targets.length];
            float[] inWeights = new float[targets.length];
            for (int u = 0; u < n; u++) {
                for (int a = offsets[u]; a < offsets[u + 1]; a++) {
                    int slot = fill[targets[a]]++;
                    inSources[slot] = u;
                    inWeights[slot] = weights[a];
                }
            }
            pullOffsets = inOffsets;
            pullSources = inSources;
            pullWeights = inWeights;
        }
        if (layout == Layout.GRAPH_ORDER) {
            nodeAt = null;
            inOffsets = pullOffsets;
            inSources = pullSources;
            inWeights = pullWeights;
            invOutWeight = invOut;
            loopExtra = loops;
            this.blockShift = 0;
            tileTarget = null;
            innerStart = null;
            return;
        }
        nodeAt = byInDegree(pullOffsets);
        int[] positionOf = new int[n];
        for (int i = 0; i < n; i++) {
            positionOf[nodeAt[i]] = i;
        }
        inOffsets = new int[n + 1];
        inSources = new int[pullSources.length];
        inWeights = new float[pullSources.length];
        invOutWeight = new double[n];
        loopExtra = loops == null ? null : new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int v = nodeAt[i];
            for (int a = pullOffsets[v], end = pullOffsets[v + 1]; a < end; a++, k++) {
                inSources[k] = positionOf[pullSources[a]];
                inWeights[k] = pullWeights[a];
            }
            inOffsets[i + 1] = k;
            invOutWeight[i] = invOut[v];
            if (loops != null) {
                loopExtra[i] = loops[v];
            }
        }
        this.blockShift = blockShift;
        innerStart = blockShift > 0 ? new int[n] : null;
        tileTarget = blockShift > 0 ? tile(inOffsets, inSources, inWeights, innerStart, blockShift) : null;
    }

    /**
     * Reorders each tile's arcs (in place): first the arcs from sources outside the tile, sorted by source (stable:
     * two counting sorts on 16-bit digits, buffers the size of the largest tile), then the arcs between the tile's
     * own nodes, still grouped by target, whose starts go to {@code innerStart}. Returns every arc's target as its
     * place in its tile.
     */
    private static char[] tile(int[] offsets, int[] sources, float[] weights, int[] innerStart, int blockShift) {
        int n = offsets.length - 1;
        int size = 1 << blockShift;
        char[] target = new char[sources.length];
        int maxArcs = 0;
        for (int from = 0; from < n; from += size) {
            int to = Math.min(n, from + size);
            maxArcs = Math.max(maxArcs, offsets[to] - offsets[from]);
        }
        int[] spareSources = new int[maxArcs];
        float[] spareWeights = new float[maxArcs];
        char[] spareTarget = new char[maxArcs];
        int[] count = new int[(1 << 16) + 1];
        for (int from = 0; from < n; from += size) {
            int to = Math.min(n, from + size);
            int lo = offsets[from];
            int len = offsets[to] - lo;
            int inner = 0;
            for (int a = lo; a < lo + len; a++) {
                if (sources[a] >= from && sources[a] < to) {
                    inner++;
                }
            }
            int outer = len - inner;
            int nextOuter = 0;
            int nextInner = outer;
            for (int v = from; v < to; v++) {
                innerStart[v] = lo + nextInner;
                for (int a = offsets[v]; a < offsets[v + 1]; a++) {
                    int slot = sources[a] >= from && sources[a] < to ? nextInner++ : nextOuter++;
                    spareSources[slot] = sources[a];
                    spareWeights[slot] = weights[a];
                    spareTarget[slot] = (char) (v - from);
                }
            }
            countingSort(spareSources, spareWeights, spareTarget, 0, sources, weights, target, lo, outer, 0, count);
            countingSort(sources, weights, target, lo, spareSources, spareWeights, spareTarget, 0, outer, 16, count);
            System.arraycopy(spareSources, 0, sources, lo, len);
            System.arraycopy(spareWeights, 0, weights, lo, len);
            System.arraycopy(spareTarget, 0, target, lo, len);
        }
        return target;
    }

    /** Stable counting sort of {@code len} arcs by the 16-bit digit of their source at {@code shift}, copied. */
    private static void countingSort(int[] src, float[] w, char[] t, int in,
                                     int[] outSrc, float[] outW, char[] outT, int out, int len, int shift,
                                     int[] count) {
        Arrays.fill(count, 0);
        for (int a = in, end = in + len; a < end; a++) {
            count[((src[a] >>> shift) & 0xFFFF) + 1]++;
        }
        for (int k = 0; k < 1 << 16; k++) {
            count[k + 1] += count[k];
        }
        for (int a = in, end = in + len; a < end; a++) {
            int slot = out + count[(src[a] >>> shift) & 0xFFFF]++;
            outSrc[slot] = src[a];
            outW[slot] = w[a];
            outT[slot] = t[a];
        }
    }

    /** Whether sweeps are tiled (see the class comment). */
    boolean tiled() {
        return tileTarget != null;
    }

    /** Node ids sorted by ascending in-degree, ties by id (a counting sort). */
    private static int[] byInDegree(int[] pullOffsets) {
        int n = pullOffsets.length - 1;
        int maxDegree = 0;
        for (int v = 0; v < n; v++) {
            maxDegree = Math.max(maxDegree, pullOffsets[v + 1] - pullOffsets[v]);
        }
        int[] start = new int[maxDegree + 2];
        for (int v = 0; v < n; v++) {
            start[pullOffsets[v + 1] - pullOffsets[v] + 1]++;
        }
        for (int k = 0; k <= maxDegree; k++) {
            start[k + 1] += start[k];
        }
        int[] order = new int[n];
        for (int v = 0; v < n; v++) {
            order[start[pullOffsets[v + 1] - pullOffsets[v]]++] = v;
        }
        return order;
    }

    /** The graph this instance ranks. */
    public CsrGraph graph() {
        return graph;
    }

    /**
     * A fresh workspace (four double and one float array of nodeCount, and when tiled a tile-sized accumulator per
     * thread); reuse it across queries, one per concurrent caller.
     */
    public Workspace newWorkspace() {
        return new Workspace(n, blockShift == 0 ? 0 : 1 << blockShift);
    }

    /** Runs with {@link PprOptions#DEFAULT} in a fresh workspace; convenient for one-off calls. */
    public double[] run(double[] reset) {
        return run(reset, PprOptions.DEFAULT, newWorkspace()).clone();
    }

    /**
     * Computes the Personalized PageRank vector for {@code reset}.
     *
     * @param reset     non-negative finite weights, one per node, with a positive sum (normalised here; not modified)
     * @param options   damping, tolerance, iteration cap and threads
     * @param workspace from {@link #newWorkspace()}, not shared with a concurrent call
     * @return the scores, summing to 1: this is the workspace's own buffer, overwritten by its next run (copy it to
     *         keep it). Iterations, final L1 change and convergence are then on the workspace.
     * @throws IllegalArgumentException if the reset vector has the wrong length, a negative or non-finite entry, or
     *                                  sums to 0
     */
    public double[] run(double[] reset, PprOptions options, Workspace workspace) {
        if (reset.length != n) {
            throw new IllegalArgumentException("reset has length " + reset.length + ", graph has " + n + " nodes");
        }
        if (workspace.x.length != n) {
            throw new IllegalArgumentException("workspace is for a graph of " + workspace.x.length + " nodes, not " + n);
        }
        double sum = 0;
        for (int v = 0; v < n; v++) {
            double r = reset[v];
            if (!(r >= 0) || Double.isInfinite(r)) {
                throw new IllegalArgumentException("reset[" + v + "] = " + r + " (need finite >= 0)");
            }
            sum += r;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("reset vector sums to 0; at least one seed needs positive weight");
        }
        double[] r = workspace.reset;
        double[] x = workspace.x;
        double[] y = workspace.y;
        float[] yf = workspace.yFloat;
        double inv = 1.0 / sum;
        double dangling = 0;
        final int[] node = nodeAt;
        for (int v = 0; v < n; v++) {
            double rv = (node == null ? reset[v] : reset[node[v]]) * inv;
            r[v] = rv;
            x[v] = rv;
            yf[v] = (float) (rv * invOutWeight[v]);
            if (invOutWeight[v] == 0) {
                dangling += rv;
            }
        }
        int parts = Math.min(options.threads(), Math.max(1, n / 1024));
        int[] bounds;
        if (tileTarget != null) {
            parts = Math.min(parts, (n + (1 << blockShift) - 1) >>> blockShift);
            bounds = tileBounds(parts);
            workspace.ensureAccumulators(parts);
        } else {
            bounds = parts > 1 ? ParallelRanges.balancedBounds(inOffsets, parts) : null;
        }
        double[] partDiff = new double[parts];
        double[] partDangling = new double[parts];
        double d = options.damping();
        int iterations = 0;
        double diff = Double.POSITIVE_INFINITY;
        boolean single = true;
        while (iterations < options.maxIterations()) {
            if (single && diff < FLOAT_CHANGE_LIMIT && options.tolerance() < FLOAT_CHANGE_LIMIT) {
                // below this change float rounding of the gathered column would dominate: finish in double
                single = false;
                for (int v = 0; v < n; v++) {
                    y[v] = x[v] * invOutWeight[v];
                }
            }
            double base = d * dangling + (1 - d);
            boolean useFloat = single;
            if (tileTarget != null) {
                double[][] acc = workspace.accumulators;
                ParallelRanges.run(parts, p -> tiledSweep(bounds[p], bounds[p + 1], d, base, r, x, y, yf, useFloat,
                        acc[p], partDiff, partDangling, p));
            } else if (parts == 1) {
                sweep(0, n, d, base, r, x, y, yf, useFloat, partDiff, partDangling, 0);
            } else {
                ParallelRanges.run(parts, p -> sweep(bounds[p], bounds[p + 1], d, base, r, x, y, yf, useFloat,
                        partDiff, partDangling, p));
            }
            diff = 0;
            dangling = 0;
            for (int p = 0; p < parts; p++) {
                diff += partDiff[p];
                dangling += partDangling[p];
            }
            iterations++;
            if (diff < options.tolerance()) {
                break;
            }
        }
        double total = 0;
        for (int v = 0; v < n; v++) {
            total += x[v];
        }
        // remove floating-point drift so the scores sum to 1
        double scale = total > 0 && total != 1.0 ? 1.0 / total : 1.0;
        double[] result;
        if (node == null) {
            result = x;
            if (scale != 1.0) {
                for (int v = 0; v < n; v++) {
                    x[v] *= scale;
                }
            }
        } else {
            result = workspace.scores;
            for (int v = 0; v < n; v++) {
                result[node[v]] = x[v] * scale;
            }
        }
        workspace.last = result;
        workspace.iterations = iterations;
        workspace.residual = diff;
        workspace.converged = diff < options.tolerance();
        return result;
    }

    /**
     * One Gauss-Seidel sweep over nodes {@code [from, to)}, in place: a node's new score is seen by the nodes after
     * it in the same sweep, which roughly halves the sweeps of a Jacobi iteration for the same fixed point. The
     * dangling mass is the previous sweep's. With several parts each updates its own range and reads the others'
     * latest values (an asynchronous iteration, which converges to the same fixed point for any interleaving);
     * float and double stores are single-copy atomic, so no torn value is ever read.
     */
    private void sweep(int from, int to, double d, double base, double[] r, double[] x, double[] y, float[] yf,
                       boolean useFloat, double[] partDiff, double[] partDangling, int part) {
        final int[] offs = inOffsets;
        final int[] src = inSources;
        final float[] w = inWeights;
        final double[] invW = invOutWeight;
        final double[] loops = loopExtra;
        final double omega = OVER_RELAXATION;
        double diff = 0;
        double dangling = 0;
        int a = offs[from];
        for (int v = from; v < to; v++) {
            double s = 0;
            int end = offs[v + 1];
            if (useFloat) {
                for (; a < end; a++) {
                    s += yf[src[a]] * w[a];
                }
                if (loops != null) {
                    s += yf[v] * loops[v];
                }
            } else {
                for (; a < end; a++) {
                    s += y[src[a]] * w[a];
                }
                if (loops != null) {
                    s += y[v] * loops[v];
                }
            }
            double old = x[v];
            // over-relaxed step; it could overshoot below 0 only if a score fell by over 95% in one sweep, and
            // clamping there keeps every iterate a valid (unnormalised) distribution with the same fixed point
            double xv = Math.max(0.0, old + omega * (d * s + base * r[v] - old));
            diff += Math.abs(xv - old);
            x[v] = xv;
            double iw = invW[v];
            if (useFloat) {
                yf[v] = (float) (xv * iw);
            } else {
                y[v] = xv * iw;
            }
            if (iw == 0) {
                dangling += xv;
            }
        }
        partDiff[part] = diff;
        partDangling[part] = dangling;
    }

    /** Node bounds of {@code parts} ranges of whole tiles with about equal arcs plus nodes. */
    private int[] tileBounds(int parts) {
        int[] bounds = ParallelRanges.balancedBounds(inOffsets, parts);
        int mask = (1 << blockShift) - 1;
        for (int p = 1; p < parts; p++) {
            bounds[p] = Math.max(bounds[p - 1], Math.min(n, (bounds[p] + mask) & ~mask));
        }
        return bounds;
    }

    /**
     * {@link #sweep} over the tiles that start in {@code [from, to)}: per tile, one pass over the arcs from other
     * tiles, in source order, adds each arc's share into {@code acc}; then its nodes are updated in order from
     * those sums plus their arcs from the tile itself (read at that moment, so already updated when earlier).
     */
    private void tiledSweep(int from, int to, double d, double base, double[] r, double[] x, double[] y,
                            float[] yf, boolean useFloat, double[] acc, double[] partDiff, double[] partDangling,
                            int part) {
        final int[] offs = inOffsets;
        final int[] src = inSources;
        final float[] w = inWeights;
        final char[] tt = tileTarget;
        final int[] inner = innerStart;
        final double[] invW = invOutWeight;
        final double[] loops = loopExtra;
        final double omega = OVER_RELAXATION;
        final int size = 1 << blockShift;
        double diff = 0;
        double dangling = 0;
        for (int start = from; start < to; start += size) {
            int end = Math.min(to, start + size);
            int nodes = end - start;
            Arrays.fill(acc, 0, nodes, 0.0);
            int tileEnd = offs[end];
            if (useFloat) {
                for (int a = offs[start], last = inner[start]; a < last; a++) {
                    acc[tt[a]] += yf[src[a]] * w[a];
                }
            } else {
                for (int a = offs[start], last = inner[start]; a < last; a++) {
                    acc[tt[a]] += y[src[a]] * w[a];
                }
            }
            for (int v = start; v < end; v++) {
                double s = acc[v - start];
                int last = v + 1 < end ? inner[v + 1] : tileEnd;
                if (useFloat) {
                    for (int a = inner[v]; a < last; a++) {
                        s += yf[src[a]] * w[a];
                    }
                    if (loops != null) {
                        s += yf[v] * loops[v];
                    }
                } else {
                    for (int a = inner[v]; a < last; a++) {
                        s += y[src[a]] * w[a];
                    }
                    if (loops != null) {
                        s += y[v] * loops[v];
                    }
                }
                double old = x[v];
                double xv = Math.max(0.0, old + omega * (d * s + base * r[v] - old));
                diff += Math.abs(xv - old);
                x[v] = xv;
                double iw = invW[v];
                if (useFloat) {
                    yf[v] = (float) (xv * iw);
                } else {
                    y[v] = xv * iw;
                }
                if (iw == 0) {
                    dangling += xv;
                }
            }
        }
        partDiff[part] = diff;
        partDangling[part] = dangling;
    }

    /** Reusable buffers for one caller's queries; also reports how the last run ended. Not thread-safe. */
    public static final class Workspace {
        private final double[] reset;
        private final double[] x;
        private final double[] y;
        private final float[] yFloat;
        /** Scores in node order, for layouts that renumber nodes. */
        private final double[] scores;
        /** Tile size when sweeps are tiled, else 0. */
        private final int tileSize;
        /** One tile-sized accumulator per thread of a tiled sweep; grown on first use with more threads. */
        private double[][] accumulators = new double[0][];
        private double[] last;
        private int iterations;
        private double residual = Double.NaN;
        private boolean converged;

        private Workspace(int n, int tileSize) {
            this.tileSize = tileSize;
            reset = new double[n];
            x = new double[n];
            y = new double[n];
            yFloat = new float[n];
            scores = new double[n];
            last = x;
        }

        private void ensureAccumulators(int parts) {
            if (accumulators.length < parts) {
                double[][] grown = Arrays.copyOf(accumulators, parts);
                for (int p = accumulators.length; p < parts; p++) {
                    grown[p] = new double[tileSize];
                }
                accumulators = grown;
            }
        }

        /** Iterations performed by the last run. */
        public int iterations() {
            return iterations;
        }

        /** L1 change of the last sweep of the last run. */
        public double residual() {
            return residual;
        }

        /** Whether the last run reached its tolerance before the iteration cap. */
        public boolean converged() {
            return converged;
        }

        /** The scores of the last run (the same array {@code run} returned). */
        public double[] scores() {
            return last;
        }
    }
}
