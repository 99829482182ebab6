package dev.engram.extraction.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Warm throughput of {@link OnnxBgeEmbedder} on real passages. Off by default; run with
 * {@code ./mvnw -pl extraction test -Dtest=EmbedderThroughputBench -Dengram.bench=true
 * [-Dengram.bench.corpus=/work/shared/data/2wiki/corpus.jsonl] [-Dengram.bench.n=500]
 * [-Dengram.bench.batches=8,16,32,64] [-Dengram.bench.threads=2]}.
 */
@EnabledIfSystemProperty(named = "engram.bench", matches = "true")
class EmbedderThroughputBench {

    @Test
    void passagesPerSecond() throws Exception {
        Path corpus = Path.of(System.getProperty("engram.bench.corpus", "/work/shared/data/2wiki/corpus.jsonl"));
        int n = Integer.getInteger("engram.bench.n", 500);
        int threads = Integer.getInteger("engram.bench.threads", Runtime.getRuntime().availableProcessors());
        String[] batches = System.getProperty("engram.bench.batches", "1,8,16,32,64").split(",");
        boolean titled = Boolean.parseBoolean(System.getProperty("engram.bench.title", "false"));
        ObjectMapper json = new ObjectMapper();
        List<String> passages = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(corpus)) {
            String line;
            while (passages.size() < n && (line = r.readLine()) != null) {
                JsonNode node = json.readTree(line);
                passages.add(titled ? node.path("title").asText() + "\n" + node.path("text").asText() : node.path("text").asText());
            }
        }
        for (String b : batches) {
            try (OnnxBgeEmbedder e = OnnxBgeEmbedder.create(
                    OnnxBgeEmbedder.Config.defaults().withBatchSize(Integer.parseInt(b.trim())).withIntraOpThreads(threads))) {
                long tokens = 0;
                for (String p : passages) {
                    tokens += Math.min(510, e.tokenizer().countTokens(p)) + 2;
                }
                e.embedPassages(passages.subList(0, Math.min(64, passages.size()))); // warm-up
                double best = 0;
                for (int rep = 0; rep < 2; rep++) {
                    long t0 = System.nanoTime();
                    e.embedPassages(passages);
                    double secs = (System.nanoTime() - t0) / 1e9;
                    best = Math.max(best, passages.size() / secs);
                }
                System.out.printf("BENCH batch=%s threads=%d passages=%d avgTokens=%.1f -> %.1f passages/s%n",
                        b.trim(), threads, passages.size(), (double) tokens / passages.size(), best);
            }
        }
    }
}
