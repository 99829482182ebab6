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
 * allocates nothing proportional to the graph. Each sweep is a pull over in-arcs (the graph's own arrays when it
 * is undirected, a transposed copy built here when it is directed), which parallelises without atomics.
 *
 * <p>Doing less work per query, with the same fixed point: sweeps are Gauss-Seidel (in place, so a sweep already
 * uses the scores it has just updated), and while the scores still move by more than {@link #FLOAT_CHANGE_LIMIT}
 * in a sweep, the column gathered over the arcs is kept in float, halving its bytes and cache footprint; below that
 * change the sweeps switch to double, so tolerances down to 1e-12 are still reached. A run stops once a sweep
 * changes the scores by less than the tolerance (L1).
 */
public final class PersonalizedPageRank {

    /**
     * L1 change per sweep above which the gathered column is stored in float: its rounding (2^-24 relative, so
     * about 6e-8 in L1 for scores summing to 1) is then well below the change still to come.
     */
    public static final double FLOAT_CHANGE_LIMIT = 1e-6;

    private final CsrGraph graph;
    private final int n;
    private final int[] inOffsets;
    private final int[] inSources;
    private final float[] inWeights;
    /** 1 / weighted out-degree, 0 for dangling nodes. */
    private final double[] invOutWeight;
    /** Extra self-transition weight (the second count of an undirected self-loop), or null if there is none. */
    private final double[] loopExtra;

    /** Prepares the pull structure for {@code graph} (O(arcs); a transposed copy for directed graphs). */
    public PersonalizedPageRank(CsrGraph graph) {
        this.graph = graph;
        this.n = graph.nodeCount();
        int[] offsets = graph.offsetsArray();
        int[] targets = graph.targetsArray();
        float[] weights = graph.weightsArray();
        this.invOutWeight = new double[n];
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
            invOutWeight[u] = sum > 0 ? 1.0 / sum : 0.0;
        }
        this.loopExtra = loops;
        if (graph.undirected()) {
            // Symmetric: in-arcs of v are the reverses of its out-arcs, with the same weights.
            inOffsets = offsets;
            inSources = targets;
            inWeights = weights;
        } else {
            inOffsets = new int[n + 1];
            for (int t : targets) {
                inOffsets[t + 1]++;
            }
            for (int v = 0; v < n; v++) {
                inOffsets[v + 1] += inOffsets[v];
            }
            int[] fill = Arrays.copyOf(inOffsets, n);
            inSources = new int[targets.length];
            inWeights = new float[targets.length];
            for (int u = 0; u < n; u++) {
                for (int a = offsets[u]; a < offsets[u + 1]; a++) {
                    int slot = fill[targets[a]]++;
                    inSources[slot] = u;
                    inWeights[slot] = weights[a];
                }
            }
        }
    }

    /** The graph this instance ranks. */
    public CsrGraph graph() {
        return graph;
    }

    /** A fresh workspace (three double and one float array of nodeCount); reuse it across queries, one per concurrent caller. */
    public Workspace newWorkspace() {
        return new Workspace(n);
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
        for (int v = 0; v < n; v++) {
            double rv = reset[v] * inv;
            r[v] = rv;
            x[v] = rv;
            yf[v] = (float) (rv * invOutWeight[v]);
            if (invOutWeight[v] == 0) {
                dangling += rv;
            }
        }
        int parts = Math.min(options.threads(), Math.max(1, n / 1024));
        int[] bounds = parts > 1 ? ParallelRanges.balancedBounds(inOffsets, parts) : null;
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
            if (parts == 1) {
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
        double[] result = workspace.x;
        double total = 0;
        for (int v = 0; v < n; v++) {
            total += result[v];
        }
        if (total > 0 && total != 1.0) { // remove floating-point drift so the scores sum to 1
            double scale = 1.0 / total;
            for (int v = 0; v < n; v++) {
                result[v] *= scale;
            }
        }
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
            double xv = d * s + base * r[v];
            diff += Math.abs(xv - x[v]);
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

    /** Reusable buffers for one caller's queries; also reports how the last run ended. Not thread-safe. */
    public static final class Workspace {
        private final double[] reset;
        private final double[] x;
        private final double[] y;
        private final float[] yFloat;
        private int iterations;
        private double residual = Double.NaN;
        private boolean converged;

        private Workspace(int n) {
            reset = new double[n];
            x = new double[n];
            y = new double[n];
            yFloat = new float[n];
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
            return x;
        }
    }
}
