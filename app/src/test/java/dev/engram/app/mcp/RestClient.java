package dev.engram.app.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engram.app.server.DocumentUpload;
import dev.engram.app.server.JobPoll;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** The server's REST API over real HTTP, as the reference the MCP tools are checked against. */
final class RestClient {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;

    RestClient(int port) {
        this.base = "http://localhost:" + port;
    }

    record Reply(int status, String text, JsonNode body) {}

    HttpClient http() {
        return http;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    HttpRequest.Builder request(String path, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        return key == null ? b : b.header("Authorization", "Bearer " + key);
    }

    Reply get(String path, String key) throws Exception {
        return send(request(path, key).GET().build());
    }

    /** GET that must answer 200. */
    JsonNode ok(String path, String key) throws Exception {
        Reply r = get(path, key);
        assertThat(r.status()).as(path + ": " + r.text()).isEqualTo(200);
        return r.body();
    }

    Reply post(String path, String key, Object body) throws Exception {
        return send(request(path, key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
    }

    /** The number of nodes with this label, counted by an unrestricted key through /api/cypher. */
    long count(String adminKey, String label) throws Exception {
        Reply r = post("/api/cypher", adminKey, Map.of("query", "MATCH (n:" + label + ") RETURN count(n)"));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body().get("rows").get(0).get(0).asLong();
    }

    /** Uploads one file as an ingest job and waits for it to succeed. */
    JsonNode ingest(String key, String fileName, String content, String tenant) throws Exception {
        Reply r = send(DocumentUpload.ofText(tenant, Map.of(fileName, content)).postedBy(request("/api/documents", key))
                .build());
        assertThat(r.status()).as(r.text()).isEqualTo(202);
        // generous bound only against a hung job
        return new JobPoll(id -> ok("/api/jobs/" + id, key), 1200, Duration.ofMillis(500))
                .succeeded(r.body().get("id").asText());
    }

    Reply send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        JsonNode node;
        try {
            node = text == null || text.isBlank() ? json.nullNode() : json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            node = json.nullNode();
        }
        return new Reply(response.statusCode(), text, node);
    }
}
