package dev.engram.retrieval.graph;

/**
 * How a query's Personalized PageRank is computed: globally (power iteration over the whole graph) or locally
 * (forward push from the reset nodes, touching only the neighbourhood the mass reaches), and when {@link Method#AUTO}
 * picks which. Both stop at the same L1 error bound: the global iteration at the retrieval tolerance {@code t}
 * guarantees an L1 error of at most {@code t d / (1 - d)} for damping {@code d}; the local one pushes until its
 * residual mass, which is exactly its L1 error, is at most {@code localErrorShare} times that bound. Local estimates
 * are never above the exact scores.
 *
 * <p>{@link Method#AUTO} never picks a much slower method: a push scans an arc at 15–20 times the cost of a sweep
 * (measured on a synthetic 10^6-edge graph: ~70–100 ns against ~5 ns), and a global run at the default tolerance is
 * ~5 sweeps, so the push gets {@code workShare} (5%) of the graph's arcs — about one sweep's time — and the query
 * goes global straight away when the reset nodes' own degrees (which their first pushes scan) exceed that. The worst
 * case, a push that spends its budget and then falls back, costs about a fifth of a global run more; where mass
 * stays near the seeds, the push ends well within it.
 *
 * @param method          global, local, or chosen per query
 * @param minArcs         AUTO goes local only on graphs with at least this many arcs (smaller graphs iterate in a
 *                        few milliseconds anyway)
 * @param maxResetNodes   AUTO goes local only when the reset vector has at most this many nonzero entries
 * @param localErrorShare the local bound as a share of the global one (below 1 buys agreement with the exact ranking
 *                        cheaply, since pushing is local)
 * @param workShare       the local run may scan at most this share of the graph's arcs before the query falls back
 *                        to the global iteration
 * @param threads         cores one query's global iteration runs on, on graphs of at least
 *                        {@link #PARALLEL_MIN_ARCS} arcs
 */
public record PprStrategy(Method method, long minArcs, int maxResetNodes, double localErrorShare, double workShare,
                          int threads) {

    /**
     * Arcs from which a global run uses {@code threads} cores: below, a run takes a few milliseconds and handing parts
     * to other threads saves little; the development sets' graphs (at most ~2·10^5 arcs) stay on one.
     */
    public static final long PARALLEL_MIN_ARCS = 1_000_000;

    /** Most cores one query may iterate on. */
    public static final int MAX_THREADS = 64;

    /** Which PageRank computation to use. */
    public enum Method { AUTO, GLOBAL, LOCAL }

    /**
     * Local from about 10^6 edges (2 million arcs) and up to 1,000 reset nodes, a tenth of the global error, within 5%
     * of the graph's arcs; a global run on one core (on the 2-core test machine two cores made a run at 10^6 edges
     * only 1.0–1.5 times faster, memory bandwidth being the limit, and a server runs several queries at once).
     */
    public static final PprStrategy DEFAULTS = new PprStrategy(Method.AUTO, 2_000_000, 1_000, 0.1, 0.05, 1);

    public PprStrategy {
        if (method == null) {
            throw new IllegalArgumentException("PPR method must be auto, global or local");
        }
        if (minArcs < 0 || maxResetNodes < 1) {
            throw new IllegalArgumentException("minArcs must be >= 0 and maxResetNodes >= 1, got " + minArcs + ", "
                    + maxResetNodes);
        }
        if (!(localErrorShare > 0 && localErrorShare <= 1) || !(workShare > 0)) {
            throw new IllegalArgumentException("localErrorShare must be in (0, 1] and workShare > 0, got "
                    + localErrorShare + ", " + workShare);
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("PPR threads must be between 1 and " + MAX_THREADS + ", got " + threads);
        }
    }

    /** The same strategy with another method. */
    public PprStrategy withMethod(Method value) {
        return new PprStrategy(value, minArcs, maxResetNodes, localErrorShare, workShare, threads);
    }

    /** The same strategy with another number of cores for a global run on a large graph. */
    public PprStrategy withThreads(int value) {
        return new PprStrategy(method, minArcs, maxResetNodes, localErrorShare, workShare, value);
    }

    /** Cores a global run on a graph of {@code arcs} arcs iterates on. */
    public int threadsFor(long arcs) {
        return arcs >= PARALLEL_MIN_ARCS ? threads : 1;
    }

    /**
     * Whether a query runs locally first: {@code resetNodes} nonzero reset entries whose degrees sum to
     * {@code resetVolume}, on a graph of {@code arcs} arcs.
     */
    public boolean local(long arcs, int resetNodes, long resetVolume) {
        return switch (method) {
            case GLOBAL -> false;
            case LOCAL -> true;
            case AUTO -> arcs >= minArcs && resetNodes <= maxResetNodes && resetVolume <= workBudget(arcs);
        };
    }

    /** The arcs a local run may scan on a graph of {@code arcs} arcs before AUTO falls back to the global iteration. */
    public long workBudget(long arcs) {
        return method == Method.LOCAL ? Long.MAX_VALUE : (long) Math.max(1, workShare * arcs);
    }
}
