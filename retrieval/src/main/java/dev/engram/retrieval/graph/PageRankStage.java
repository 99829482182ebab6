package dev.engram.retrieval.graph;

import dev.engram.pagerank.ForwardPushPpr;
import dev.engram.pagerank.PprOptions;
import java.util.Arrays;

/**
 * A query's Personalized PageRank as its {@link PprStrategy} says: forward push when the strategy lets the query run
 * locally and the push stays within its work budget, the global iteration otherwise. The global one meets the L1
 * bound the retrieval tolerance implies, the local one a bound on each node's error in proportion to its degree
 * ({@link PprStrategy}).
 */
public final class PageRankStage {
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
     * PageRank scores; when {@code local}, only {@code candidates[0..candidateCount)} may be nonzero. {@code fellBack}
     * says a push was tried and spent its budget before the global iteration ran.
     */
    public record Ranking(double[] scores, boolean local, int[] candidates, int candidateCount, boolean fellBack) {}

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
                return new Ranking(scores, true, ws.touched(), ws.touchedCount(), false);
            }
            tried = true;
        }
        PprOptions options = PprOptions.DEFAULT.withDamping(damping).withTolerance(tolerance)
                .withThreads(strategy.threadsFor(arcs));
        return new Ranking(engine.ranker().run(reset, options, engine.workspaces().get()), false, null, 0, tried);
    }
}
