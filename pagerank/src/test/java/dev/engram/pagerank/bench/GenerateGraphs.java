package dev.engram.pagerank.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/**
 * Writes the deterministic benchmark graphs for {@code bench/ppr-vs-igraph}: for each kind ({@code random}: uniform
 * endpoints; {@code powerlaw}: Chung–Lu with degree exponent 2.2, node ids shuffled) and edge count, a node count of
 * edges / 5, weights uniform in [0.1, 1.1), and a few seeded reset vectors.
 *
 * <p>Files per graph NAME in the output folder: {@code NAME.meta} ("nodes edges"), {@code NAME.edges} (text
 * "u v" lines, for igraph's Read_Edgelist), {@code NAME.bin} (int32 u, int32 v per edge, little-endian, for Java),
 * {@code NAME.weights} (float32 per edge, little-endian, read by both), {@code NAME.queries} (one line per query:
 * "node weight node weight ...").
 *
 * <p>Usage: {@code GenerateGraphs OUT_DIR EDGES...} (e.g. 10000 100000 1000000 10000000). Existing files are kept.
 */
public final class GenerateGraphs {

    static final String[] KINDS = {"random", "powerlaw"};
    static final int SEEDS_PER_QUERY = 5;

    private GenerateGraphs() {
    }

    /** Entry point. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        for (int i = 1; i < args.length; i++) {
            int m = Integer.parseInt(args[i]);
            for (String kind : KINDS) {
                String name = kind + "-" + m;
                if (Files.exists(out.resolve(name + ".queries"))) {
                    System.out.println("kept " + name);
                    continue;
                }
                generate(out, name, kind, m);
            }
        }
    }

    /** Number of queries per graph: fewer at the largest size to bound igraph's time. */
    static int queriesFor(int edges) {
        return edges >= 10_000_000 ? 3 : 5;
    }

    private static void generate(Path out, String name, String kind, int m) throws IOException {
        long start = System.nanoTime();
        int n = Math.max(10, m / 5);
        SplittableRandom random = new SplittableRandom(name.hashCode() * 31L + 20240601L);
        int[] from = new int[m];
        int[] to = new int[m];
        float[] weight = new float[m];
        if (kind.equals("random")) {
            for (int e = 0; e < m; e++) {
                from[e] = random.nextInt(n);
                to[e] = random.nextInt(n);
                weight[e] = 0.1f + (float) random.nextDouble();
            }
        } else {
            double[] cumulative = chungLuWeights(n);
            int[] permutation = shuffledIds(n, random);
            for (int e = 0; e < m; e++) {
                from[e] = permutation[sample(cumulative, random.nextDouble() * cumulative[n - 1])];
                to[e] = permutation[sample(cumulative, random.nextDouble() * cumulative[n - 1])];
                weight[e] = 0.1f + (float) random.nextDouble();
            }
        }
        Files.writeString(out.resolve(name + ".meta"), n + " " + m + "\n");
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve(name + ".edges"), StandardCharsets.US_ASCII)) {
            StringBuilder line = new StringBuilder(32);
            for (int e = 0; e < m; e++) {
                line.setLength(0);
                line.append(from[e]).append(' ').append(to[e]).append('\n');
                w.append(line);
            }
        }
        writeLittleEndian(out.resolve(name + ".bin"), m, 8, (buf, e) -> buf.putInt(from[e]).putInt(to[e]));
        writeLittleEndian(out.resolve(name + ".weights"), m, 4, (buf, e) -> buf.putFloat(weight[e]));
        StringBuilder queries = new StringBuilder();
        for (int q = 0; q < queriesFor(m); q++) {
            for (int s = 0; s < SEEDS_PER_QUERY; s++) {
                // seeds are drawn among edge endpoints, like entities linked from a question
                int node = random.nextBoolean() ? from[random.nextInt(m)] : to[random.nextInt(m)];
                queries.append(s == 0 ? "" : " ").append(node).append(' ').append(0.5 + random.nextDouble());
            }
            queries.append('\n');
        }
        Files.writeString(out.resolve(name + ".queries"), queries);
        System.out.printf("generated %s: %d nodes, %d edges in %.1f s%n", name, n, m, (System.nanoTime() - start) / 1e9);
    }

    /** The first index whose cumulative weight reaches {@code x}: a draw in proportion to weight. */
    /** Cumulative Chung–Lu weights of a power law with exponent 2.2: expected degree ~ i^(-1/(gamma-1)). */
    static double[] chungLuWeights(int n) {
        double[] cumulative = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += Math.pow(i + 1, -1.0 / (2.2 - 1));
            cumulative[i] = total;
        }
        return cumulative;
    }

    /** 0..n-1 in a random order (Fisher–Yates), so that popularity does not follow the id. */
    static int[] shuffledIds(int n, SplittableRandom random) {
        int[] permutation = new int[n];
        for (int i = 0; i < n; i++) {
            permutation[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = t;
        }
        return permutation;
    }

    static int sample(double[] cumulative, double x) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Puts item {@code e} into the buffer. */
    private interface ItemWriter {
        void put(ByteBuffer buf, int e);
    }

    private static void writeLittleEndian(Path file, int count, int bytesPerItem, ItemWriter item) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            for (int e = 0; e < count; e++) {
                if (buf.remaining() < bytesPerItem) {
                    flush(ch, buf);
                }
                item.put(buf, e);
            }
            flush(ch, buf);
        }
    }

    private static void flush(FileChannel ch, ByteBuffer buf) throws IOException {
        buf.flip();
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
        buf.clear();
    }
}
