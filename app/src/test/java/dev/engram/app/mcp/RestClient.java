package dev.engram.app.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

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
        Reply r = post("/api/cypher", adminKey, java.util.Map.of("query", "MATCH (n:" + label + ") RETURN count(n)"));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body().get("rows").get(0).get(0).asLong();
    }

    /** Uploads one file as an ingest job and waits for it to succeed. */
    JsonNode ingest(String key, String fileName, String content, String tenant) throws Exception {
        String boundary = "engram-" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        if (tenant != null) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"tenant\"\r\n\r\n")
                    .append(tenant).append("\r\n");
        }
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"files\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(content)
                .append("\r\n--").append(boundary).append("--\r\n");
        Reply r = send(request("/api/documents", key).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build());
        assertThat(r.status()).as(r.text()).isEqualTo(202);
        String id = r.body().get("id").asText();
        // generous bound only against a hung job
        for (int i = 0; i < 1200; i++) {
            JsonNode status = ok("/api/jobs/" + id, key);
            String state = status.get("state").asText();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                assertThat(state).as(status.toString()).isEqualTo("SUCCEEDED");
                assertThat(status.get("errors")).as(status.toString()).isEmpty();
                return status;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("job " + id + " did not finish");
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
