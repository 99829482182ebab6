package dev.engram.pagerank;

/**
 * Approximate Personalized PageRank by forward push (Andersen, Chung and Lang, FOCS 2006): work proportional to the
 * neighbourhood the mass actually reaches, not to the graph, so it suits large graphs with few seeds.
 *
 * <p>It keeps an estimate {@code p} and a residual {@code r} (initially the normalised reset). Pushing node u moves
 * {@code (1 - damping) r(u)} into {@code p(u)} and spreads {@code damping r(u)} over u's arcs in proportion to their
 * weight, or, when u is dangling, back over the seeds in proportion to the reset vector (the same convention as
 * {@link PersonalizedPageRank}, so both approximate the same vector; undirected self-loops also count twice). Node u
 * is pushed while {@code r(u) >= epsilon * W(u)}, with {@code W(u)} its weighted degree, or while
 * {@code r(u) >= epsilon} when it is dangling.
 *
 * <p><b>Error bound.</b> The invariant {@code ppr = p + sum_u r(u) ppr_u} gives, on termination:
 * <ul>
 *   <li>{@code 0 <= ppr(v) - p(v)} for every v (the estimate never overshoots), and</li>
 *   <li>{@code ||ppr - p||_1 = sum_u r(u)}, below {@code epsilon * sum_u max(W(u), 1)} over the touched nodes;</li>
 *   <li>on an undirected graph without dangling nodes, additionally {@code ppr(v) - p(v) <= epsilon * W(v)} for each
 *   node (by the symmetry {@code W(u) ppr_u(v) = W(v) ppr_v(u)}).</li>
 * </ul>
 * Total work is {@code O(1 / (epsilon * (1 - damping)))} arc visits on unweighted graphs, independent of graph size.
 * {@link #run} then returns {@code p(v) + (1 - damping) r(v)}: since {@code ppr_v(v) >= 1 - damping}, that is still
 * below the exact score and tighter by what each node's pending residual would leave at the node itself; its L1 error,
 * {@code damping sum_u r(u)}, is reported exactly as {@link Workspace#residualMass()}.
 *
 * <p>{@link #runToResidual} asks for the error instead of the threshold: it lowers epsilon step by step, continuing
 * from the pushes already done, until the residual mass (the exact L1 error) is at most the requested bound, or a
 * work budget is spent (then {@link Workspace#withinBudget()} is false and the caller should iterate globally).
 */
public final class ForwardPushPpr {

    private final CsrGraph graph;
    private final int n;
    private final double[] outWeight;
    private final boolean doubleLoops;

    /** Prepares weighted degrees for {@code graph}. */
    public ForwardPushPpr(CsrGraph graph) {
        this.graph = graph;
        this.n = graph.nodeCount();
        this.doubleLoops = graph.undirected();
        this.outWeight = new double[n];
        for (int u = 0; u < n; u++) {
            double sum = 0;
            for (int a = graph.firstArc(u); a < graph.endArc(u); a++) {
                sum += arcWeight(u, a);
            }
            outWeight[u] = sum;
        }
    }

    private double arcWeight(int u, int arc) {
        float w = graph.weight(arc);
        return doubleLoops && graph.target(arc) == u ? 2.0 * w : w;
    }

    /** A fresh workspace (two double and three int arrays of nodeCount); reuse it, one per concurrent caller. */
    public Workspace newWorkspace() {
        return new Workspace(n);
    }

    /**
     * Approximates the PPR vector for the reset vector given sparsely by {@code seeds} and their {@code weights}.
     *
     * @param seeds     seed nodes (duplicates add up)
     * @param weights   non-negative weight of each seed, positive sum (normalised here)
     * @param damping   continuation probability, in [0,1)
     * @param epsilon   push threshold per unit of weighted degree, > 0; smaller is more exact and slower
     * @param workspace from {@link #newWorkspace()}
     * @return dense estimate {@code p}: the workspace's own buffer, valid until its next run; nonzero entries are
     *         among {@link Workspace#touched()}
     */
    public double[] run(int[] seeds, double[] weights, double damping, double epsilon, Workspace workspace) {
        return run(seeds, weights, damping, epsilon, Long.MAX_VALUE, workspace);
    }

    /**
     * As {@link #run(int[], double[], double, double, Workspace)}, but stops once more than {@code maxArcVisits} arcs
     * were scanned; then {@link Workspace#withinBudget()} is false and the estimate is as far as it got (still never
     * above the exact scores, but without the per-node bound).
     */
    public double[] run(int[] seeds, double[] weights, double damping, double epsilon, long maxArcVisits,
                        Workspace workspace) {
        double[] p = start(seeds, weights, damping, epsilon, maxArcVisits, workspace);
        // each node's pending residual would leave at least (1 - damping) of itself at the node when pushed: counting
        // it now keeps every estimate a lower bound and removes that much of each error (on touched nodes only)
        Workspace ws = workspace;
        for (int i = 0; i < ws.touchedCount; i++) {
            int v = ws.touched[i];
            p[v] += (1 - damping) * ws.r[v];
        }
        ws.residualMass *= damping;
        return p;
    }

    /**
     * Tightens the last {@link #run}'s estimates at its {@code count} highest-estimated touched nodes of at most
     * {@code maxDegree} arcs by what their neighbours' pending residuals would bring them in one step,
     * {@code (1 - d) d sum_u r(u) w(u,v) / W(u)}: the next term of each {@code ppr_u(v)}, so the estimates stay lower
     * bounds. Hubs keep residual up to {@code epsilon W(u)} (that is why the push stays local), and on the passages
     * around them this is most of the error left. Costs the refined nodes' degrees; valid until the next run.
     *
     * @return the estimates (the workspace's buffer, as from {@link #run})
     */
    public double[] refineTop(int count, int maxDegree, double damping, Workspace workspace) {
        if (!graph.undirected()) {
            throw new IllegalStateException("refineTop reads a node's in-arcs as its out-arcs: undirected graphs only");
        }
        Workspace ws = workspace;
        double[] p = ws.p;
        int[] best = TopK.of(p, ws.touched, ws.touchedCount, count, v -> graph.outDegree(v) <= maxDegree);
        double[] gain = new double[best.length];
        for (int i = 0; i < best.length; i++) {
            int v = best[i];
            double sum = 0;
            for (int a = graph.firstArc(v); a < graph.endArc(v); a++) {
                int u = graph.target(a);
                double wu = outWeight[u];
                if (wu > 0 && ws.r[u] > 0) {
                    sum += ws.r[u] * arcWeight(v, a) / wu; // undirected: the arc u->v weighs as v->u
                }
            }
            gain[i] = (1 - damping) * damping * sum;
        }
        for (int i = 0; i < best.length; i++) {
            p[best[i]] += gain[i];
            ws.residualMass -= gain[i];
        }
        return p;
    }

    /** Validates, seeds the residual and pushes: the estimate without the residual's own share. */
    private double[] start(int[] seeds, double[] weights, double damping, double epsilon, long maxArcVisits,
                           Workspace workspace) {
        if (seeds.length != weights.length) {
            throw new IllegalArgumentException(seeds.length + " seeds but " + weights.length + " weights");
        }
        if (!(damping >= 0 && damping < 1)) {
            throw new IllegalArgumentException("damping must be in [0,1), got " + damping);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        }
        double sum = 0;
        for (int i = 0; i < seeds.length; i++) {
            if (seeds[i] < 0 || seeds[i] >= n) {
                throw new IllegalArgumentException("seed " + seeds[i] + " outside [0," + n + ")");
            }
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("seed weight " + weights[i] + " (need finite >= 0)");
            }
            sum += weights[i];
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("seed weights sum to 0");
        }
        Workspace ws = workspace;
        ws.clear();
        for (int i = 0; i < seeds.length; i++) {
            ws.add(seeds[i], weights[i] / sum, threshold(seeds[i], epsilon));
        }
        push(seeds, weights, sum, damping, epsilon, ws, maxArcVisits);
        // a queued node is always above its threshold: an empty queue is the per-node bound reached
        ws.withinBudget = ws.queueSize == 0;
        return ws.p;
    }

    /** Pushes queued nodes until none is above the threshold or the arc budget is spent; updates the residual mass. */
    private void push(int[] seeds, double[] weights, double sum, double damping, double epsilon, Workspace ws,
                      long maxArcVisits) {
        double alpha = 1 - damping;
        double[] p = ws.p;
        double[] r = ws.r;
        while (ws.queueSize > 0 && ws.arcVisits <= maxArcVisits) {
            int u = ws.poll();
            double ru = r[u];
            if (ru < threshold(u, epsilon)) {
                continue;
            }
            r[u] = 0;
            p[u] += alpha * ru;
            ws.pushes++;
            double spread = damping * ru;
            double wu = outWeight[u];
            if (wu > 0) {
                double scale = spread / wu;
                int first = graph.firstArc(u);
                int end = graph.endArc(u);
                ws.arcVisits += end - first;
                for (int a = first; a < end; a++) {
                    double w = arcWeight(u, a);
                    if (w > 0) {
                        int v = graph.target(a);
                        ws.add(v, scale * w, threshold(v, epsilon));
                    }
                }
            } else {
                ws.arcVisits += seeds.length;
                for (int i = 0; i < seeds.length; i++) {
                    if (weights[i] > 0) {
                        ws.add(seeds[i], spread * weights[i] / sum, threshold(seeds[i], epsilon));
                    }
                }
            }
        }
        double residual = 0;
        for (int i = 0; i < ws.touchedCount; i++) {
            residual += r[ws.touched[i]];
        }
        ws.residualMass = residual;
    }

    /**
     * Approximates the PPR vector to a guaranteed L1 error: pushes with a threshold that starts at
     * {@code maxResidual} and shrinks fourfold until the residual mass is at most {@code maxResidual}. Every estimate
     * is then below the exact score by at most that mass in total ({@code 0 <= ppr(v) - p(v)},
     * {@code sum_v (ppr(v) - p(v)) <= maxResidual}), the same L1 bound a power iteration to tolerance
     * {@code maxResidual (1 - damping) / damping} guarantees.
     *
     * @param maxArcVisits work budget in arcs scanned; once exceeded the run stops with
     *                     {@link Workspace#withinBudget()} false and the estimate as far as it got
     * @return as {@link #run}
     */
    public double[] runToResidual(int[] seeds, double[] weights, double damping, double maxResidual, long maxArcVisits,
                                  Workspace workspace) {
        if (!(maxResidual > 0)) {
            throw new IllegalArgumentException("maxResidual must be > 0, got " + maxResidual);
        }
        double epsilon = maxResidual;
        double[] p = start(seeds, weights, damping, epsilon, Long.MAX_VALUE, workspace);
        Workspace ws = workspace;
        while (ws.residualMass > maxResidual && ws.arcVisits <= maxArcVisits && epsilon > Double.MIN_NORMAL) {
            epsilon /= 4;
            for (int i = 0; i < ws.touchedCount; i++) {
                int v = ws.touched[i];
                if (!ws.queued[v] && ws.r[v] >= threshold(v, epsilon)) {
                    ws.enqueue(v);
                }
            }
            push(seeds, weights, normaliser(weights), damping, epsilon, ws, maxArcVisits);
        }
        ws.withinBudget = ws.residualMass <= maxResidual;
        return p;
    }

    private static double normaliser(double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        return sum;
    }

    private double threshold(int v, double epsilon) {
        double w = outWeight[v];
        return epsilon * (w > 0 ? w : 1.0);
    }

    /** Reusable buffers for one caller; a warm run touches (and later clears) only the nodes it reached. */
    public static final class Workspace {
        private final double[] p;
        private final double[] r;
        private final int[] touched;
        private final boolean[] seen;
        private final int[] queue;
        private final boolean[] queued;
        private int touchedCount;
        private int head;
        private int queueSize;
        private long pushes;
        private long arcVisits;
        private double residualMass;
        private boolean withinBudget = true;

        private Workspace(int n) {
            p = new double[n];
            r = new double[n];
            touched = new int[n];
            seen = new boolean[n];
            queue = new int[Math.max(1, n)];
            queued = new boolean[n];
        }

        private void clear() {
            for (int i = 0; i < touchedCount; i++) {
                int v = touched[i];
                p[v] = 0;
                r[v] = 0;
                seen[v] = false;
                queued[v] = false;
            }
            touchedCount = 0;
            head = 0;
            queueSize = 0;
            pushes = 0;
            arcVisits = 0;
            residualMass = 0;
            withinBudget = true;
        }

        private void add(int v, double mass, double threshold) {
            if (!seen[v]) {
                seen[v] = true;
                touched[touchedCount++] = v;
            }
            r[v] += mass;
            if (!queued[v] && r[v] >= threshold) {
                enqueue(v);
            }
        }

        private void enqueue(int v) {
            queued[v] = true;
            queue[(head + queueSize) % queue.length] = v;
            queueSize++;
        }

        private int poll() {
            int v = queue[head];
            head = (head + 1) % queue.length;
            queueSize--;
            queued[v] = false;
            return v;
        }

        /** Nodes the last run reached, in first-reached order: a buffer valid for {@link #touchedCount()} entries. */
        public int[] touched() {
            return touched;
        }

        /** How many entries of {@link #touched()} are valid. */
        public int touchedCount() {
            return touchedCount;
        }

        /** Pushes performed by the last run (its work, up to the degree of each pushed node). */
        public long pushes() {
            return pushes;
        }

        /** Arcs scanned by the last run (its work). */
        public long arcVisits() {
            return arcVisits;
        }

        /** False when the last run stopped at its work budget before reaching its threshold or bound. */
        public boolean withinBudget() {
            return withinBudget;
        }

        /** Exactly the L1 distance between the last run's estimate and the exact PPR. */
        public double residualMass() {
            return residualMass;
        }
    }
}
