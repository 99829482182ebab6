package dev.engram.retrieval.graph;

import dev.engram.pagerank.ForwardPushPpr;
import dev.engram.pagerank.PprOptions;
import dev.engram.pagerank.TopK;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A query's Personalized PageRank as its {@link PprStrategy} says: forward push when the strategy lets the query run
 * locally and the push stays within its work budget, the global iteration otherwise. The global one meets the L1
 * bound the retrieval tolerance implies, the local one a bound on each node's error in proportion to its degree
 * ({@link PprStrategy}).
 */
public final class PageRankStage {
    /**
     * How many of a local run's best nodes get their neighbours' residual share ({@link ForwardPushPpr#refineTop}):
     * enough to cover the passages a query ranks; nodes of more arcs (hubs) are left as pushed.
     */
    public static final int REFINED = 512;

    /** Most arcs a node refined after a local run may have. */
    public static final int REFINED_MAX_DEGREE = 256;

    private final double damping;
    private final double tolerance;
    private final PprStrategy strategy;

    /** A stage with the damping, tolerance and strategy of {@code settings}. */
    public PageRankStage(GraphRagSettings settings) {
        this.damping = settings.damping();
        this.tolerance = settings.pprTolerance();
        this.strategy = settings.pprStrategy();
    }

    /**
     * PageRank scores; when {@code local}, only {@code candidates[0..candidateCount)} (distinct nodes) may be nonzero,
     * so copies, mixes and top-k selections touch only those instead of every node of a large graph. {@code fellBack}
     * says a push was tried and spent its budget before the global iteration ran.
     */
    public record Ranking(double[] scores, boolean local, int[] candidates, int candidateCount, boolean fellBack) {

        /** A copy the caller owns (the scores of a run live in a reused workspace). */
        public Ranking copy() {
            if (!local) {
                return new Ranking(scores.clone(), false, null, 0, fellBack);
            }
            double[] out = new double[scores.length];
            for (int i = 0; i < candidateCount; i++) {
                out[candidates[i]] = scores[candidates[i]];
            }
            return new Ranking(out, true, Arrays.copyOf(candidates, candidateCount), candidateCount, fellBack);
        }

        /** {@code share · this + (1 - share) · other}: by linearity, the walk from the correspondingly mixed reset. */
        public Ranking mix(Ranking other, double share) {
            double[] a = scores;
            double[] b = other.scores;
            double[] out = new double[a.length];
            if (!local || !other.local) {
                for (int v = 0; v < out.length; v++) {
                    out[v] = share * a[v] + (1 - share) * b[v];
                }
                return new Ranking(out, false, null, 0, false);
            }
            int[] union = new int[candidateCount + other.candidateCount];
            BitSet seen = new BitSet(out.length);
            int size = 0;
            for (Ranking r : List.of(this, other)) {
                for (int i = 0; i < r.candidateCount; i++) {
                    int v = r.candidates[i];
                    if (!seen.get(v)) {
                        seen.set(v);
                        union[size++] = v;
                        out[v] = share * a[v] + (1 - share) * b[v];
                    }
                }
            }
            return new Ranking(out, true, union, size, false);
        }

        /** The {@code k} highest-scored nodes that {@code accept} admits, best first. */
        public int[] top(int k, IntPredicate accept) {
            return local ? TopK.of(scores, candidates, candidateCount, k, accept) : TopK.of(scores, k, accept);
        }
    }

    /** Ranks from {@code reset}, which is nonzero only at {@code touched} (duplicates allowed); does not modify it. */
    public Ranking run(ProjectionCache.Engine engine, double[] reset, int[] touched) {
        int[] nodes = Arrays.stream(touched).distinct().toArray();
        var graph = engine.projection().graph();
        long arcs = graph.arcCount();
        long volume = 0;
        for (int node : nodes) {
            volume += graph.outDegree(node);
        }
        boolean tried = false;
        if (strategy.local(arcs, nodes.length, volume)) {
            double[] weights = new double[nodes.length];
            for (int i = 0; i < nodes.length; i++) {
                weights[i] = reset[nodes[i]];
            }
            ForwardPushPpr.Workspace ws = engine.localWorkspaces().get();
            double[] scores = engine.localRanker().run(nodes, weights, damping, strategy.localEpsilon(),
                    strategy.workBudget(arcs), ws);
            if (ws.withinBudget() || strategy.method() == PprStrategy.Method.LOCAL) {
                engine.localRanker().refineTop(REFINED, REFINED_MAX_DEGREE, damping, ws);
                return new Ranking(scores, true, ws.touched(), ws.touchedCount(), false);
            }
            tried = true;
        }
        PprOptions options = PprOptions.DEFAULT.withDamping(damping).withTolerance(tolerance)
                .withThreads(strategy.threadsFor(arcs));
        return new Ranking(engine.ranker().run(reset, options, engine.workspaces().get()), false, null, 0, tried);
    }
}
