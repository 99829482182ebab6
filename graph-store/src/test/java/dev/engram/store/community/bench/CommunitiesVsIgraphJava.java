package dev.engram.store.community.bench;

import dev.engram.store.community.CommunitySettings;
import dev.engram.store.community.EntityNetwork;
import dev.engram.store.community.HierarchicalLeiden;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Java side of bench/communities-vs-igraph: reads each graph (NAME.meta, NAME.edges, NAME.weights, the format of
 * GenerateGraphs and ExportEntityGraph), runs Engram's Leiden partition (modularity, resolution 1, the default
 * settings: 10 iterations, best of 3 starts, seed 42) after one warm-up run, and writes NAME.engram (one label per
 * node) and NAME.engram-time (seconds, network build excluded and reported apart).
 */
public final class CommunitiesVsIgraphJava {
    private CommunitiesVsIgraphJava() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            run(out, args[i]);
        }
    }

    static void run(Path out, String name) throws IOException {
        String[] meta = Files.readString(out.resolve(name + ".meta")).trim().split("\\s+");
        int n = Integer.parseInt(meta[0]);
        int m = Integer.parseInt(meta[1]);
        int[] from = new int[m];
        int[] to = new int[m];
        try (BufferedReader r = Files.newBufferedReader(out.resolve(name + ".edges"), StandardCharsets.US_ASCII)) {
            for (int e = 0; e < m; e++) {
                String line = r.readLine();
                int sp = line.indexOf(' ');
                from[e] = Integer.parseInt(line, 0, sp, 10);
                to[e] = Integer.parseInt(line, sp + 1, line.length(), 10);
            }
        }
        float[] w = new float[m];
        FloatBuffer fb = ByteBuffer.wrap(Files.readAllBytes(out.resolve(name + ".weights")))
                .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        fb.get(w);
        long t0 = System.nanoTime();
        EntityNetwork network = EntityNetwork.fromEdges(n, from, to, w);
        double build = (System.nanoTime() - t0) / 1e9;
        HierarchicalLeiden leiden = new HierarchicalLeiden(CommunitySettings.DEFAULTS);
        leiden.partition(network); // warm-up
        long t1 = System.nanoTime();
        int[] labels = leiden.partition(network);
        double seconds = (System.nanoTime() - t1) / 1e9;
        try (BufferedWriter bw = Files.newBufferedWriter(out.resolve(name + ".engram"))) {
            for (int label : labels) {
                bw.write(Integer.toString(label));
                bw.newLine();
            }
        }
        Files.writeString(out.resolve(name + ".engram-time"), seconds + " " + build + "\n");
        System.out.printf("%s: %d nodes, %d edges, Engram Leiden %.2f s (network build %.2f s), modularity %.5f%n",
                name, n, m, seconds, build, network.modularity(labels, 1.0));
    }
}
