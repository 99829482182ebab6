package dev.engram.pagerank;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tiled against untiled sweeps in one JVM, on a graph written by {@code bench.GenerateGraphs}: the first query of
 * the graph, damping 0.5, tolerance 1e-8, each tile size in turn for two rounds (BENCHMARKS.md, issue 20).
 *
 * <p>Usage: {@code TiledSweepComparison OUT_DIR NAME THREADS BLOCK_SHIFT...} (0 = untiled), e.g. after
 * {@code bench/ppr-vs-igraph/run.sh}: {@code bench/ppr-vs-igraph/out random-10000000 1 0 16}.
 */
public final class TiledSweepComparison {

    private TiledSweepComparison() {
    }

    /** Entry point. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        String name = args[1];
        int threads = Integer.parseInt(args[2]);
        String[] meta = Files.readString(out.resolve(name + ".meta")).trim().split(" ");
        int n = Integer.parseInt(meta[0]);
        int m = Integer.parseInt(meta[1]);
        ByteBuffer edges = read(out.resolve(name + ".bin"));
        ByteBuffer weights = read(out.resolve(name + ".weights"));
        CsrGraph.Builder builder = CsrGraph.builder(n);
        for (int e = 0; e < m; e++) {
            builder.addEdge(edges.getInt(), edges.getInt(), weights.getFloat());
        }
        CsrGraph graph = builder.buildCompact(true);
        String[] query = Files.readAllLines(out.resolve(name + ".queries")).get(0).trim().split(" ");
        double[] reset = new double[n];
        for (int k = 0; k < query.length; k += 2) {
            reset[Integer.parseInt(query[k])] += Double.parseDouble(query[k + 1]);
        }
        PprOptions options = new PprOptions(0.5, 1e-8, 100, threads);
        for (int round = 0; round < 2; round++) {
            for (int i = 3; i < args.length; i++) {
                int shift = Integer.parseInt(args[i]);
                long t0 = System.nanoTime();
                PersonalizedPageRank ppr = PersonalizedPageRank.degreeOrdered(graph, shift);
                double buildMs = (System.nanoTime() - t0) / 1e6;
                PersonalizedPageRank.Workspace ws = ppr.newWorkspace();
                ppr.run(reset, options, ws); // warm-up
                ppr.run(reset, options, ws);
                int reps = 5;
                long start = System.nanoTime();
                for (int r = 0; r < reps; r++) {
                    ppr.run(reset, options, ws);
                }
                double ms = (System.nanoTime() - start) / 1e6 / reps;
                System.out.printf("%s blockShift=%d threads=%d: %.1f ms, %d sweeps (%.1f ms a sweep), built in %.0f ms%n",
                        name, shift, threads, ms, ws.iterations(), ms / ws.iterations(), buildMs);
            }
        }
    }

    private static ByteBuffer read(Path path) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
    }
}
