package dev.engram.pagerank.bench;

import dev.engram.pagerank.CsrGraph;
import dev.engram.pagerank.ForwardPushPpr;
import dev.engram.pagerank.GraphPath;
import dev.engram.pagerank.PathOptions;
import dev.engram.pagerank.PersonalizedPageRank;
import dev.engram.pagerank.PprOptions;
import dev.engram.pagerank.ShortestPaths;
import dev.engram.pagerank.TopK;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of the query paths retrieval uses, on an undirected power-law graph (Chung–Lu, exponent 2.2,
 * nodes = edges / 5, 5 weighted seeds): full PPR by power iteration, forward-push PPR, top-k of the scores and
 * 3-hop shortest paths from the seeds to the top-10 nodes (mostly seeds' neighbours, so cheap) and to random nodes. Run (see bench/ppr-vs-igraph/README.md):
 * {@code java -cp "$CP" org.openjdk.jmh.Main PprBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PprBenchmark {

    /** Number of input edges. */
    @Param({"100000", "1000000"})
    public int edges;

    /** Threads for power iteration. */
    @Param({"1", "2"})
    public int threads;

    private PersonalizedPageRank ppr;
    private PersonalizedPageRank.Workspace pprWorkspace;
    private ForwardPushPpr push;
    private ForwardPushPpr.Workspace pushWorkspace;
    private ShortestPaths paths;
    private ShortestPaths.Workspace pathWorkspace;
    private double[] reset;
    private int[] seeds;
    private double[] seedWeights;
    private int[] topTargets;
    private int[] randomTargets;
    private double[] scores;
    private PprOptions options;

    /** Builds the graph and one query. */
    @Setup
    public void setup() {
        CsrGraph graph = powerLaw(edges / 5, edges, 42);
        ppr = new PersonalizedPageRank(graph);
        pprWorkspace = ppr.newWorkspace();
        push = new ForwardPushPpr(graph);
        pushWorkspace = push.newWorkspace();
        paths = new ShortestPaths(graph);
        pathWorkspace = paths.newWorkspace();
        options = PprOptions.DEFAULT.withThreads(threads);
        SplittableRandom random = new SplittableRandom(7);
        reset = new double[graph.nodeCount()];
        seeds = new int[5];
        seedWeights = new double[5];
        for (int i = 0; i < seeds.length; i++) {
            int node;
            do {
                node = random.nextInt(graph.nodeCount());
            } while (graph.outDegree(node) == 0);
            seeds[i] = node;
            seedWeights[i] = 0.5 + random.nextDouble();
            reset[node] += seedWeights[i];
        }
        scores = ppr.run(reset, options, pprWorkspace).clone();
        topTargets = TopK.of(scores, 10);
        randomTargets = new int[10];
        for (int i = 0; i < randomTargets.length; i++) {
            randomTargets[i] = random.nextInt(graph.nodeCount());
        }
    }

    /** Full PPR, damping 0.5, L1 tolerance 1e-8. */
    @Benchmark
    public double[] powerIteration() {
        return ppr.run(reset, options, pprWorkspace);
    }

    /** Forward push with epsilon 1e-7 (single-threaded; the threads parameter does not apply). */
    @Benchmark
    public double[] forwardPush() {
        return push.run(seeds, seedWeights, 0.5, 1e-7, pushWorkspace);
    }

    /** Top-20 of a dense score vector. */
    @Benchmark
    public int[] topK() {
        return TopK.of(scores, 20);
    }

    /** Fewest-hop paths (up to 3 hops), 3 heaviest per target, from the seeds to the top-10 nodes. */
    @Benchmark
    public List<GraphPath> shortestPathsHeaviest() {
        return paths.find(seeds, topTargets, PathOptions.heaviest(3, 3), pathWorkspace);
    }

    /**
     * Fewest-hop paths (up to 3 hops), 3 heaviest per target, from the seeds to 10 random nodes: mostly 3+ hops away,
     * so the search explores the whole 3-hop ball (the expensive case).
     */
    @Benchmark
    public List<GraphPath> shortestPathsRandomTargets() {
        return paths.find(seeds, randomTargets, PathOptions.heaviest(3, 3), pathWorkspace);
    }

    /** Fewest-hop paths (up to 3 hops) to the top-10 nodes, all ties capped at 100 per target. */
    @Benchmark
    public List<GraphPath> shortestPathsAllTies() {
        return paths.find(seeds, topTargets, PathOptions.allTies(3).withMaxPathsPerTarget(100), pathWorkspace);
    }

    /** Undirected Chung–Lu power-law graph with shuffled ids and weights in [0.1, 1.1). */
    static CsrGraph powerLaw(int n, int m, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] cumulative = GenerateGraphs.chungLuWeights(n);
        int[] permutation = GenerateGraphs.shuffledIds(n, random);
        CsrGraph.Builder builder = CsrGraph.builder(n);
        for (int e = 0; e < m; e++) {
            int u = permutation[GenerateGraphs.sample(cumulative, random.nextDouble() * cumulative[n - 1])];
            int v = permutation[GenerateGraphs.sample(cumulative, random.nextDouble() * cumulative[n - 1])];
            builder.addEdge(u, v, 0.1f + (float) random.nextDouble());
        }
        return builder.buildCompact(true);
    }
}
