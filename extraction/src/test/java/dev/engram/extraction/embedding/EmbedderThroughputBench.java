package dev.engram.extraction.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Warm throughput of {@link OnnxBgeEmbedder} on real passages, for several settings. Off by default; run with
 * {@code ./mvnw -pl extraction test -Dtest=EmbedderThroughputBench -Dengram.bench=true
 * [-Dengram.bench.corpus=../shared/data/2wiki/corpus.jsonl] [-Dengram.bench.n=500] [-Dengram.bench.reps=3]
 * [-Dengram.bench.configs=1x1x2,8x1x2,32x2x1]} where a config is {@code batchSize x intraOpThreads x parallelism}.
 * Prints passages per wall-clock second and per CPU-second of the process (the latter is less disturbed by
 * other load on the machine).
 */
@EnabledIfSystemProperty(named = "engram.bench", matches = "true")
class EmbedderThroughputBench {

    @Test
    void passagesPerSecond() throws Exception {
        Path corpus = System.getProperty("engram.bench.corpus") != null ? Path.of(System.getProperty("engram.bench.corpus"))
                : dev.engram.extraction.testing.SharedData.resolve("2wiki/corpus.jsonl").orElseThrow(
                        () -> new IllegalStateException("no shared/data/2wiki/corpus.jsonl; pass -Dengram.bench.corpus"));
        int n = Integer.getInteger("engram.bench.n", 500);
        int reps = Integer.getInteger("engram.bench.reps", 3);
        int cores = Runtime.getRuntime().availableProcessors();
        String[] configs = System.getProperty("engram.bench.configs",
                "1x1x" + cores + ",4x1x" + cores + ",1x" + cores + "x1,8x" + cores + "x1,32x" + cores + "x1").split(",");
        ObjectMapper json = new ObjectMapper();
        List<String> passages = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(corpus)) {
            String line;
            while (passages.size() < n && (line = r.readLine()) != null) {
                JsonNode node = json.readTree(line);
                passages.add(node.path("text").asText());
            }
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (String spec : configs) {
            String[] f = spec.trim().split("x");
            OnnxBgeEmbedder.Config config = OnnxBgeEmbedder.Config.defaults()
                    .withBatchSize(Integer.parseInt(f[0]))
                    .withIntraOpThreads(Integer.parseInt(f[1]))
                    .withParallelism(Integer.parseInt(f[2]));
            try (OnnxBgeEmbedder e = OnnxBgeEmbedder.create(config)) {
                long tokens = 0;
                for (String p : passages) {
                    tokens += Math.min(510, e.tokenizer().countTokens(p)) + 2;
                }
                e.embedPassages(passages.subList(0, Math.min(64, passages.size()))); // warm-up
                double bestWall = 0;
                double bestCpu = 0;
                for (int rep = 0; rep < reps; rep++) {
                    long c0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    e.embedPassages(passages);
                    double wall = (System.nanoTime() - t0) / 1e9;
                    double cpu = (os.getProcessCpuTime() - c0) / 1e9;
                    bestWall = Math.max(bestWall, passages.size() / wall);
                    bestCpu = Math.max(bestCpu, passages.size() / cpu);
                }
                System.out.printf("BENCH batch=%d intraOp=%d parallelism=%d passages=%d avgTokens=%.1f -> "
                                + "%.1f passages/s wall, %.1f passages/CPU-s (load %.1f)%n",
                        config.batchSize(), config.intraOpThreads(), config.parallelism(), passages.size(),
                        (double) tokens / passages.size(), bestWall, bestCpu, os.getSystemLoadAverage());
            }
        }
    }
}
