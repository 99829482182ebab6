package dev.engram.retrieval.graph;

/**
 * How a query's Personalized PageRank is computed: globally (power iteration over the whole graph) or locally
 * (forward push from the reset nodes, touching only the neighbourhood the mass reaches), and when {@link Method#AUTO}
 * picks which. Both stop at the same L1 error bound: the global iteration at the retrieval tolerance {@code t}
 * guarantees an L1 error of at most {@code t d / (1 - d)} for damping {@code d}; the local one pushes until its
 * residual mass, which is exactly its L1 error, is at most {@code localErrorShare} times that bound. Local estimates
 * are never above the exact scores.
 *
 * @param method          global, local, or chosen per query
 * @param minArcs         AUTO goes local only on graphs with at least this many arcs (smaller graphs iterate in a
 *                        few milliseconds anyway)
 * @param maxResetNodes   AUTO goes local only when the reset vector has at most this many nonzero entries
 * @param localErrorShare the local bound as a share of the global one (below 1 buys agreement with the exact ranking
 *                        cheaply, since pushing is local)
 * @param workShare       the local run may scan at most this share of the graph's arcs before the query falls back
 *                        to the global iteration
 */
public record PprStrategy(Method method, long minArcs, int maxResetNodes, double localErrorShare, double workShare) {

    /** Which PageRank computation to use. */
    public enum Method { AUTO, GLOBAL, LOCAL }

    /** Local from about 10^6 edges (2 million arcs) and up to 1,000 reset nodes, a tenth of the global error. */
    public static final PprStrategy DEFAULTS = new PprStrategy(Method.AUTO, 2_000_000, 1_000, 0.1, 0.5);

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
    }

    /** The same strategy with another method. */
    public PprStrategy withMethod(Method value) {
        return new PprStrategy(value, minArcs, maxResetNodes, localErrorShare, workShare);
    }

    /** Whether a query with {@code resetNodes} nonzero reset entries on a graph of {@code arcs} arcs runs locally. */
    public boolean local(long arcs, int resetNodes) {
        return switch (method) {
            case GLOBAL -> false;
            case LOCAL -> true;
            case AUTO -> arcs >= minArcs && resetNodes <= maxResetNodes;
        };
    }
}
