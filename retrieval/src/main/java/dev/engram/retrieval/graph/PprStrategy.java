package dev.engram.retrieval.graph;

/**
 * How a query's Personalized PageRank is computed: globally (power iteration over the whole graph) or locally
 * (forward push from the reset nodes, touching only the neighbourhood the mass reaches), and when {@link Method#AUTO}
 * picks which.
 *
 * <p>The two bound different errors. The global iteration at the retrieval tolerance {@code t} bounds the L1 error
 * of the whole vector by {@code t d / (1 - d)} for damping {@code d}. The local push stops when every node's
 * residual is below {@code localEpsilon} times its weighted degree, which bounds each node's error by its own degree:
 * {@code 0 <= ppr(v) - p(v) <= localEpsilon W(v)} on the projection's undirected graph ({@link
 * dev.engram.pagerank.ForwardPushPpr}). Passages have small degrees (their mentions), so their scores are nearly
 * exact, while the residual left on hub entities, which an L1 bound would have to push through the whole graph,
 * costs nothing. Its work does not grow with the graph: at most {@code 1 / (localEpsilon (1 - d) w)} arc visits for
 * arc weights of at least {@code w}, and in practice far fewer. At the default 10^-6: on the development sets ~7·10^3
 * arcs a question, top-5 passages overlapping the exact ranking's by 0.998 ({@code LocalPprAgreementTest}); on the
 * synthetic 10^7-edge graph of {@code bench/scale} ~7·10^4 arcs (6 ms) a question, overlap 0.947. Lower thresholds
 * buy agreement slowly there (3·10^-7: three times the work for 0.968, and a graphrag query at 10^7 edges at ~95
 * instead of ~57 ms p50; BENCHMARKS.md, issue 20).
 *
 * <p>{@link Method#AUTO} goes local on graphs of at least {@code minArcs} arcs with at most {@code maxResetNodes}
 * reset nodes whose own degrees (which their first pushes scan) are within {@code workShare} of the arcs; a push
 * that scans more than that share stops and the query falls back to the global iteration (a push scans an arc at
 * 15–20 times the cost of a sweep, and a global run at the default tolerance is ~5 sweeps, so the budget is about
 * a sweep's time).
 *
 * @param method        global, local, or chosen per query
 * @param minArcs       AUTO goes local only on graphs with at least this many arcs (smaller graphs iterate in a
 *                      few milliseconds anyway)
 * @param maxResetNodes AUTO goes local only when the reset vector has at most this many nonzero entries
 * @param localEpsilon  the push threshold per unit of weighted degree, hence each node's error bound per unit of
 *                      its weighted degree
 * @param workShare     the local run may scan at most this share of the graph's arcs before the query falls back
 *                      to the global iteration
 * @param threads       cores one query's global iteration runs on, on graphs of at least
 *                      {@link #PARALLEL_MIN_ARCS} arcs
 */
public record PprStrategy(Method method, long minArcs, int maxResetNodes, double localEpsilon, double workShare,
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
     * Local from about 10^6 edges (2 million arcs) and up to 1,000 reset nodes, to a threshold of 10^-6 per unit of
     * degree, within 5% of the graph's arcs; a global run on one core (on the 2-core test machine two cores made a run at 10^6 edges
     * only 1.0–1.5 times faster, memory bandwidth being the limit, and a server runs several queries at once).
     */
    public static final PprStrategy DEFAULTS = new PprStrategy(Method.AUTO, 2_000_000, 1_000, 1e-6, 0.05, 1);

    public PprStrategy {
        if (method == null) {
            throw new IllegalArgumentException("PPR method must be auto, global or local");
        }
        if (minArcs < 0 || maxResetNodes < 1) {
            throw new IllegalArgumentException("minArcs must be >= 0 and maxResetNodes >= 1, got " + minArcs + ", "
                    + maxResetNodes);
        }
        if (!(localEpsilon > 0 && localEpsilon < 1) || !(workShare > 0)) {
            throw new IllegalArgumentException("localEpsilon must be in (0, 1) and workShare > 0, got "
                    + localEpsilon + ", " + workShare);
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("PPR threads must be between 1 and " + MAX_THREADS + ", got " + threads);
        }
    }

    /** The same strategy with another method. */
    public PprStrategy withMethod(Method value) {
        return new PprStrategy(value, minArcs, maxResetNodes, localEpsilon, workShare, threads);
    }

    /** The same strategy with another local push threshold. */
    public PprStrategy withLocalEpsilon(double value) {
        return new PprStrategy(method, minArcs, maxResetNodes, value, workShare, threads);
    }

    /** The same strategy with another number of cores for a global run on a large graph. */
    public PprStrategy withThreads(int value) {
        return new PprStrategy(method, minArcs, maxResetNodes, localEpsilon, workShare, value);
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
