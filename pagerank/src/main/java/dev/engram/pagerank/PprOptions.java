package dev.engram.pagerank;

/**
 * Options of a Personalized PageRank run.
 *
 * @param damping       probability of following an arc at each step (HippoRAG uses 0.5); 1 - damping restarts at
 *                      the reset vector
 * @param tolerance     stop once the L1 change between two iterates is below this; for damping d the L1 error of
 *                      the result is then at most {@code tolerance * d / (1 - d)}
 * @param maxIterations iteration cap (the result is returned even if not converged; see the workspace)
 * @param threads       number of cores to iterate on (1 runs on the calling thread only); pays off only when that
 *                      many cores are free
 */
public record PprOptions(double damping, double tolerance, int maxIterations, int threads) {

    /** HippoRAG's damping 0.5, L1 tolerance 1e-8, at most 100 iterations, one thread. */
    public static final PprOptions DEFAULT = new PprOptions(0.5, 1e-8, 100, 1);

    /** Validates the ranges. */
    public PprOptions {
        if (!(damping >= 0 && damping < 1)) {
            throw new IllegalArgumentException("damping must be in [0,1), got " + damping);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** The defaults ({@link #DEFAULT}). */
    public static PprOptions defaults() {
        return DEFAULT;
    }

    /** Copy with another damping. */
    public PprOptions withDamping(double value) {
        return new PprOptions(value, tolerance, maxIterations, threads);
    }

    /** Copy with another tolerance. */
    public PprOptions withTolerance(double value) {
        return new PprOptions(damping, value, maxIterations, threads);
    }

    /** Copy with another iteration cap. */
    public PprOptions withMaxIterations(int value) {
        return new PprOptions(damping, tolerance, value, threads);
    }

    /** Copy with another thread count. */
    public PprOptions withThreads(int value) {
        return new PprOptions(damping, tolerance, maxIterations, value);
    }
}
