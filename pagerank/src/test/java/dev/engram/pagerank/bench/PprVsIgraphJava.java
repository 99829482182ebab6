package dev.engram.pagerank.bench;

import dev.engram.pagerank.CsrGraph;
import dev.engram.pagerank.PersonalizedPageRank;
import dev.engram.pagerank.PprOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Java side of {@code bench/ppr-vs-igraph}: loads each graph written by {@link GenerateGraphs}, builds an undirected
 * {@link CsrGraph}, runs every query with damping 0.5 and L1 tolerance 1e-8 on 1 and on 2 threads, and writes
 * {@code NAME.java.scores} (float64 little-endian, the 2-thread scores of each query in turn) and
 * {@code NAME.java.tsv} (threads, mean ms per query, iterations, build ms, graph MB) for {@code compare.py}.
 *
 * <p>Usage: {@code PprVsIgraphJava OUT_DIR NAME...}
 */
public final class PprVsIgraphJava {

    private static final double MIN_SECONDS_PER_QUERY = 0.3;

    private PprVsIgraphJava() {
    }

    /** Entry point. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            runGraph(out, args[i]);
        }
    }

    private static void runGraph(Path out, String name) throws IOException {
        String[] meta = Files.readString(out.resolve(name + ".meta")).trim().split(" ");
        int n = Integer.parseInt(meta[0]);
        int m = Integer.parseInt(meta[1]);
        ByteBuffer edges = read(out.resolve(name + ".bin"));
        ByteBuffer weights = read(out.resolve(name + ".weights"));
        long t0 = System.nanoTime();
        CsrGraph.Builder builder = CsrGraph.builder(n);
        for (int e = 0; e < m; e++) {
            builder.addEdge(edges.getInt(), edges.getInt(), weights.getFloat());
        }
        CsrGraph graph = builder.buildCompact(true);
        PersonalizedPageRank ppr = new PersonalizedPageRank(graph);
        double buildMs = (System.nanoTime() - t0) / 1e6;
        List<double[]> resets = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve(name + ".queries"))) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split(" ");
            double[] reset = new double[n];
            for (int k = 0; k < parts.length; k += 2) {
                reset[Integer.parseInt(parts[k])] += Double.parseDouble(parts[k + 1]);
            }
            resets.add(reset);
        }
        PersonalizedPageRank.Workspace ws = ppr.newWorkspace();
        StringBuilder tsv = new StringBuilder("threads\tms_per_query\titerations\tbuild_ms\tgraph_mb\n");
        for (int threads : new int[] {1, 2}) {
            PprOptions options = new PprOptions(0.5, 1e-8, 100, threads);
            double[] perQueryMs = new double[resets.size()];
            int iterations = 0;
            for (int q = 0; q < resets.size(); q++) {
                ppr.run(resets.get(q), options, ws); // warm-up
                ppr.run(resets.get(q), options, ws);
                int reps = 0;
                long start = System.nanoTime();
                long elapsed;
                do {
                    ppr.run(resets.get(q), options, ws);
                    reps++;
                    elapsed = System.nanoTime() - start;
                } while (elapsed < MIN_SECONDS_PER_QUERY * 1e9 && reps < 200);
                perQueryMs[q] = elapsed / 1e6 / reps;
                iterations = Math.max(iterations, ws.iterations());
            }
            double mean = Arrays.stream(perQueryMs).average().orElse(Double.NaN);
            tsv.append(threads).append('\t').append(String.format("%.3f", mean)).append('\t').append(iterations)
                    .append('\t').append(String.format("%.0f", buildMs)).append('\t')
                    .append(String.format("%.1f", graph.memoryBytes() / 1e6)).append('\n');
            System.out.printf("java %s threads=%d: %.3f ms/query, %d iterations (graph built in %.0f ms)%n",
                    name, threads, mean, iterations, buildMs);
        }
        try (FileChannel ch = FileChannel.open(out.resolve(name + ".java.scores"), StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.allocate(8 * n).order(ByteOrder.LITTLE_ENDIAN);
            for (double[] reset : resets) {
                double[] scores = ppr.run(reset, new PprOptions(0.5, 1e-8, 100, 2), ws);
                buf.clear();
                buf.asDoubleBuffer().put(scores);
                buf.limit(8 * n);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
        }
        Files.writeString(out.resolve(name + ".java.tsv"), tsv);
    }

    private static ByteBuffer read(Path path) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
    }
}
