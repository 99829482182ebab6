package dev.engram.extraction.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client for an OpenAI-compatible HTTP API (OpenAI, vLLM, Ollama, llama.cpp, LM Studio): chat completions, streamed
 * or not, and embeddings. Retries 408, 429, 5xx, timeouts and connection failures with backoff; limits requests in
 * flight. Thread-safe.
 */
public final class OpenAiClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OpenAiClient.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    // A server asking for a longer pause than this is treated as down rather than waited on.
    private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);
    private static final int ERROR_SNIPPET = 300;

    private final LlmConfig config;
    private final HttpClient http;
    private final Semaphore permits;
    private final Backoff backoff;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong attempts = new AtomicLong();

    /** A client for the server {@code config} describes. */
    public OpenAiClient(LlmConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder()
                // HTTP/1.1: several OpenAI-compatible servers mishandle the h2c upgrade the JDK would otherwise try.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.timeout())
                .build();
        this.permits = new Semaphore(config.maxConcurrency(), true);
        this.backoff = new Backoff(config.retryBackoff(), MAX_BACKOFF);
    }

    /** The settings this client was built with. */
    public LlmConfig config() {
        return config;
    }

    /** HTTP requests sent so far, retries included. */
    public long requestsSent() {
        return attempts.get();
    }

    /** A non-streaming chat completion. */
    public ChatResponse complete(List<ChatMessage> messages, ChatOptions options) {
        String body = chatBody(messages, options, false);
        return call("/chat/completions", body, BodyHandlers.ofString(), this::parseChat);
    }

    /** A non-streaming chat completion with the server's default options. */
    public ChatResponse complete(List<ChatMessage> messages) {
        return complete(messages, ChatOptions.defaults());
    }

    /** A streamed chat completion with the server's default options; see {@link #stream(List, ChatOptions, Consumer)}. */
    public ChatResponse stream(List<ChatMessage> messages, Consumer<String> onDelta) {
        return stream(messages, ChatOptions.defaults(), onDelta);
    }

    /**
     * A streamed chat completion: {@code onDelta} receives each piece of content in order as it arrives; returns the
     * assembled answer. Failures before the first byte are retried; a stream broken halfway is not, since pieces were
     * already delivered.
     */
    public ChatResponse stream(List<ChatMessage> messages, ChatOptions options, Consumer<String> onDelta) {
        String body = chatBody(messages, options, true);
        return call("/chat/completions", body, BodyHandlers.ofLines(), lines -> readStream(lines, onDelta));
    }

    /** Raw embedding vectors of {@code inputs}, in input order, as the server returns them (not normalised). */
    public List<float[]> embed(List<String> inputs) {
        if (inputs.isEmpty()) return List.of();
        ObjectNode body = json.createObjectNode();
        body.put("model", config.model());
        ArrayNode input = body.putArray("input");
        inputs.forEach(input::add);
        return call("/embeddings", write(body), BodyHandlers.ofString(), text -> parseEmbeddings(text, inputs.size()));
    }

    @Override
    public void close() {
        http.close();
    }

    private String chatBody(List<ChatMessage> messages, ChatOptions options, boolean stream) {
        ObjectNode body = json.createObjectNode();
        body.put("model", config.model());
        ArrayNode list = body.putArray("messages");
        for (ChatMessage m : messages) list.addObject().put("role", m.role()).put("content", m.content());
        if (options.temperature() != null) body.put("temperature", options.temperature());
        if (options.maxTokens() != null) body.put("max_tokens", options.maxTokens());
        if (options.jsonObject()) body.putObject("response_format").put("type", "json_object");
        if (stream) body.put("stream", true);
        return write(body);
    }

    private <B, T> T call(String path, String requestBody, BodyHandler<B> handler, Function<B, T> read) {
        String what = "POST " + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.baseUrl() + path))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(requestBody));
        if (config.apiKey() != null) request.header("Authorization", "Bearer " + config.apiKey());
        int maxAttempts = config.maxRetries() + 1;
        for (int attempt = 1; ; attempt++) {
            LlmException failure;
            Duration serverDelay = null;
            acquire(what);
            try {
                attempts.incrementAndGet();
                HttpResponse<B> response = http.send(request.build(), handler);
                int status = response.statusCode();
                if (status / 100 == 2) return read.apply(response.body());
                failure = new LlmException(status, where() + " answered HTTP " + status + " to " + what + ": "
                        + errorMessage(response.body()));
                if (status != 408 && status != 429 && status / 100 != 5) throw failure;
                serverDelay = retryAfter(response.headers()).orElse(null);
            } catch (HttpTimeoutException e) {
                failure = new LlmException(LlmException.NO_RESPONSE,
                        where() + " timed out after " + config.timeout().toMillis() + " ms on " + what, e);
            } catch (IOException e) {
                failure = ioFailure(what, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LlmException(LlmException.NO_RESPONSE, "Interrupted during " + what + " to " + where(), e);
            } finally {
                permits.release();
            }
            if (attempt >= maxAttempts) {
                String suffix = maxAttempts > 1 ? " (gave up after " + maxAttempts + " attempts)" : "";
                throw new LlmException(failure.status(), failure.getMessage() + suffix, failure.getCause());
            }
            Duration delay = serverDelay != null ? serverDelay : backoff.delay(attempt);
            log.warn("{}; retry {}/{} in {} ms", failure.getMessage(), attempt, maxAttempts - 1, delay.toMillis());
            sleep(delay, what);
        }
    }

    private void acquire(String what) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.NO_RESPONSE, "Interrupted waiting to send " + what + " to " + where(), e);
        }
    }

    private void sleep(Duration delay, String what) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.NO_RESPONSE, "Interrupted before retrying " + what + " to " + where(), e);
        }
    }

    private String where() {
        return "LLM server at " + config.baseUrl();
    }

    private LlmException ioFailure(String what, IOException e) {
        boolean unreachable = false;
        String reason = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException
                    || t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                unreachable = true;
            }
            if (reason == null && t.getMessage() != null && !t.getMessage().isBlank()) reason = t.getMessage();
        }
        if (reason == null) {
            // The JDK client reports a refused connection as a ConnectException without any message.
            if (hasCause(e, ConnectException.class)) reason = "Connection refused";
            else if (hasCause(e, UnresolvedAddressException.class)) reason = "unknown host";
        }
        if (reason == null) reason = e.getClass().getSimpleName();
        String message = unreachable
                ? where() + " unreachable: " + reason
                : where() + " failed during " + what + ": " + reason;
        return new LlmException(LlmException.NO_RESPONSE, message, e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return true;
        }
        return false;
    }

    /** Reads Retry-After (seconds or an HTTP date) or OpenAI's retry-after-ms. */
    private static Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<Duration> delay = headers.firstValue("retry-after-ms").flatMap(v -> {
            try {
                return Optional.of(Duration.ofMillis((long) Double.parseDouble(v.trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
        if (delay.isEmpty()) {
            delay = headers.firstValue("retry-after").flatMap(v -> {
                try {
                    return Optional.of(Duration.ofMillis((long) (Double.parseDouble(v.trim()) * 1000)));
                } catch (NumberFormatException notSeconds) {
                    try {
                        ZonedDateTime at = ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                        return Optional.of(Duration.between(ZonedDateTime.now(at.getZone()), at));
                    } catch (DateTimeParseException notDate) {
                        return Optional.empty();
                    }
                }
            });
        }
        return delay.map(d -> d.isNegative() ? Duration.ZERO : d)
                .map(d -> d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d);
    }

    private String errorMessage(Object body) {
        String text;
        if (body instanceof Stream<?> lines) {
            try (lines) {
                text = lines.map(String::valueOf).limit(50).collect(Collectors.joining("\n"));
            } catch (UncheckedIOException e) {
                text = "";
            }
        } else {
            text = String.valueOf(body);
        }
        try {
            JsonNode error = json.readTree(text).path("error");
            // OpenAI: {"error": {"message": ...}}; some servers: {"error": "..."}.
            String message = error.isTextual() ? error.asText() : error.path("message").asText("");
            if (!message.isBlank()) return message;
        } catch (JsonProcessingException notJson) {
            // Fall through to the raw text: proxies answer with HTML.
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.isEmpty()) return "(empty body)";
        return flat.length() > ERROR_SNIPPET ? flat.substring(0, ERROR_SNIPPET) + "..." : flat;
    }

    private ChatResponse parseChat(String text) {
        JsonNode root = parse(text, "POST /chat/completions");
        JsonNode choice = root.path("choices").path(0);
        if (choice.isMissingNode()) {
            throw malformed("POST /chat/completions", "no choices", text);
        }
        JsonNode usage = root.path("usage");
        return new ChatResponse(
                choice.path("message").path("content").asText(""),
                root.path("model").asText(config.model()),
                choice.path("finish_reason").isTextual() ? choice.path("finish_reason").asText() : null,
                usage.path("prompt_tokens").asInt(0),
                usage.path("completion_tokens").asInt(0));
    }

    private ChatResponse readStream(Stream<String> lines, Consumer<String> onDelta) {
        StringBuilder content = new StringBuilder();
        String[] model = {config.model()};
        String[] finish = {null};
        int[] usage = {0, 0};
        boolean[] done = {false};
        ServerSentEvents events = new ServerSentEvents(data -> {
            if (done[0]) return;
            if (data.strip().equals("[DONE]")) {
                done[0] = true;
                return;
            }
            JsonNode chunk = parse(data, "POST /chat/completions (stream)");
            model[0] = chunk.path("model").asText(model[0]);
            JsonNode choice = chunk.path("choices").path(0);
            String delta = choice.path("delta").path("content").asText("");
            if (!delta.isEmpty()) {
                content.append(delta);
                onDelta.accept(delta);
            }
            if (choice.path("finish_reason").isTextual()) finish[0] = choice.path("finish_reason").asText();
            if (chunk.path("usage").isObject()) {
                usage[0] = chunk.path("usage").path("prompt_tokens").asInt(0);
                usage[1] = chunk.path("usage").path("completion_tokens").asInt(0);
            }
        });
        try (lines) {
            lines.takeWhile(line -> !done[0]).forEach(events::line);
            events.end();
        } catch (UncheckedIOException e) {
            throw new LlmException(200, where() + " broke off the stream of POST /chat/completions after "
                    + content.length() + " characters: " + e.getCause().getMessage(), e);
        }
        return new ChatResponse(content.toString(), model[0], finish[0], usage[0], usage[1]);
    }

    private List<float[]> parseEmbeddings(String text, int expected) {
        JsonNode data = parse(text, "POST /embeddings").path("data");
        if (!data.isArray() || data.size() != expected) {
            throw malformed("POST /embeddings", "expected " + expected + " embeddings", text);
        }
        float[][] vectors = new float[expected][];
        for (int i = 0; i < data.size(); i++) {
            JsonNode item = data.get(i);
            // Servers may reorder; "index" says which input a vector belongs to.
            int index = item.path("index").asInt(i);
            JsonNode values = item.path("embedding");
            if (index < 0 || index >= expected || vectors[index] != null || !values.isArray() || values.isEmpty()) {
                throw malformed("POST /embeddings", "bad embedding at position " + i, text);
            }
            float[] vector = new float[values.size()];
            for (int j = 0; j < vector.length; j++) vector[j] = (float) values.get(j).asDouble();
            vectors[index] = vector;
        }
        return new ArrayList<>(List.of(vectors));
    }

    private JsonNode parse(String text, String what) {
        try {
            JsonNode root = json.readTree(text);
            if (root != null && root.has("error")) {
                throw new LlmException(200, where() + " reported an error for " + what + ": " + errorMessage(text));
            }
            if (root == null || !root.isObject()) throw malformed(what, "not a JSON object", text);
            return root;
        } catch (JsonProcessingException e) {
            throw malformed(what, "invalid JSON", text);
        }
    }

    private LlmException malformed(String what, String problem, String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() > ERROR_SNIPPET) flat = flat.substring(0, ERROR_SNIPPET) + "...";
        return new LlmException(200, where() + " answered " + what + " with an unusable body (" + problem + "): " + flat);
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise request", e);
        }
    }
}
