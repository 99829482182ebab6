package dev.engram.app.bench.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.engram.retrieval.eval.LatencyStats;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Start-up of {@code engram serve} on a scale store: the server runs as its own process (the real CLI), embedding
 * questions through an OpenAI-compatible {@code /v1/embeddings} endpoint this benchmark serves with the store's
 * {@link HashedEmbedder}. Measures the time to a healthy server, the first graphrag query (which builds the
 * projection) and warm HTTP queries.
 */
final class ScaleServe {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScaleServe() {
    }

    static void run(SyntheticCorpus corpus, HashedEmbedder embedder, Path dir, Map<String, String> opts)
            throws Exception {
        HttpServer embeddings = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        embeddings.createContext("/v1/embeddings", exchange -> {
            try (exchange) {
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                List<String> inputs = new ArrayList<>();
                if (body.path("input").isArray()) {
                    body.path("input").forEach(n -> inputs.add(n.asText()));
                } else {
                    inputs.add(body.path("input").asText());
                }
                ObjectNode reply = JSON.createObjectNode();
                ArrayNode data = reply.putArray("data");
                for (int i = 0; i < inputs.size(); i++) {
                    ObjectNode item = data.addObject();
                    item.put("index", i);
                    ArrayNode values = item.putArray("embedding");
                    for (float v : embedder.embed(inputs.get(i))) {
                        values.add(v);
                    }
                }
                reply.put("model", embedder.modelName());
                byte[] bytes = JSON.writeValueAsBytes(reply);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        embeddings.start();
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, opts.getOrDefault("server-heap", "-Xmx4g"), "-XX:+UseParallelGC",
                "--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), "dev.engram.app.EngramCli", "serve",
                "--data-dir", dir.resolve("db").toString(), "--port", String.valueOf(port), "--host", "127.0.0.1",
                "--bolt-port", "0");
        pb.environment().put("ENGRAM_EMBEDDINGS_BASE_URL",
                "http://127.0.0.1:" + embeddings.getAddress().getPort() + "/v1");
        pb.environment().put("ENGRAM_EMBEDDINGS_MODEL", embedder.modelName());
        pb.environment().put("ENGRAM_EMBEDDINGS_DIMENSIONS", String.valueOf(embedder.dimensions()));
        pb.environment().put("ENGRAM_EMBEDDINGS_CACHE_DIR", "none");
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        Process server = pb.start();
        List<String> out = new ArrayList<>();
        try {
            String base = "http://127.0.0.1:" + port;
            while (true) {
                if (!server.isAlive()) {
                    throw new IllegalStateException("server exited with " + server.exitValue() + "; see " + dir.resolve("server.log"));
                }
                try {
                    HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            double healthy = (System.nanoTime() - start) / 1e9;
            SplittableRandom random = new SplittableRandom(11);
            long t = System.nanoTime();
            query(http, base, corpus.question(random.nextInt(corpus.chunkCount())));
            double first = (System.nanoTime() - t) / 1e9;
            int n = Integer.parseInt(opts.getOrDefault("queries", "50"));
            double[] millis = new double[n];
            for (int i = 0; i < n + 5; i++) {
                t = System.nanoTime();
                query(http, base, corpus.question(random.nextInt(corpus.chunkCount())));
                if (i >= 5) {
                    millis[i - 5] = (System.nanoTime() - t) / 1e6;
                }
            }
            out.add(String.format(Locale.ROOT, "server: healthy %.1f s after launch; first graphrag query (builds the "
                            + "projection) %.1f s; warm HTTP graphrag p50 %.1f ms, p95 %.1f ms over %d queries",
                    healthy, first, LatencyStats.percentile(millis, 50), LatencyStats.percentile(millis, 95), n));
        } finally {
            server.destroy();
            server.waitFor();
            embeddings.stop(0);
        }
        String report = String.join("\n", out) + "\n";
        System.out.print(report);
        Files.writeString(dir.resolve("serve.txt"), report);
    }

    private static void query(HttpClient http, String base, String question) throws Exception {
        String body = JSON.writeValueAsString(Map.of("question", question, "mode", "graphrag", "topK", 5));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/query"))
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("query answered " + r.statusCode() + ": " + r.body());
        }
    }
}
