package dev.engram.extraction.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.engram.extraction.llm.LocalOpenAiServer.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiClientTest {

    private final LocalOpenAiServer server = LocalOpenAiServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private LlmConfig config() {
        return LlmConfig.of(server.baseUrl(), "test-model").withRetryBackoff(Duration.ofMillis(10)).withMaxRetries(2);
    }

    private static List<ChatMessage> hello() {
        return List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hello?"));
    }

    /** What a client on {@code config} throws for hello(), checked to be an {@link LlmException}. */
    private static LlmException failure(LlmConfig config) {
        try (OpenAiClient client = new OpenAiClient(config)) {
            Throwable thrown = catchThrowable(() -> client.complete(hello(), ChatOptions.defaults()));
            assertThat(thrown).isInstanceOf(LlmException.class);
            return (LlmException) thrown;
        }
    }

    @Test
    void completeSendsModelMessagesOptionsAndKey() {
        server.enqueue(Reply.json(LocalOpenAiServer.chatCompletion("Hi there.")));
        try (OpenAiClient client = new OpenAiClient(config().withApiKey("sk-test"))) {
            ChatResponse response = client.complete(hello(), ChatOptions.defaults().withTemperature(0).withMaxTokens(50).asJson());

            assertThat(response).isEqualTo(new ChatResponse("Hi there.", "test-model", "stop", 11, 7));
        }
        LocalOpenAiServer.Request request = server.requests().getFirst();
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("Authorization")).isEqualTo("Bearer sk-test");
        assertThat(request.json().path("model").asText()).isEqualTo("test-model");
        assertThat(request.json().path("messages").get(1).path("content").asText()).isEqualTo("Hello?");
        assertThat(request.json().path("temperature").asDouble()).isZero();
        assertThat(request.json().path("max_tokens").asInt()).isEqualTo(50);
        assertThat(request.json().path("response_format").path("type").asText()).isEqualTo("json_object");
        assertThat(request.json().has("stream")).isFalse();
    }

    @Test
    void noKeyMeansNoAuthorizationHeader() {
        server.enqueue(Reply.json(LocalOpenAiServer.chatCompletion("ok")));
        try (OpenAiClient client = new OpenAiClient(config())) {
            client.complete(hello(), ChatOptions.defaults());
        }
        assertThat(server.requests().getFirst().header("Authorization")).isNull();
        assertThat(server.requests().getFirst().json().has("response_format")).isFalse();
    }

    @Test
    void retriesTooManyRequestsHonouringRetryAfter() {
        server.enqueue(
                Reply.status(429, "{\"error\": {\"message\": \"Rate limit reached\"}}").withHeader("Retry-After", "0"),
                Reply.json(LocalOpenAiServer.chatCompletion("after the limit")));
        // A first backoff of a minute: only the server's Retry-After: 0 lets this finish promptly.
        try (OpenAiClient client = new OpenAiClient(config().withRetryBackoff(Duration.ofMinutes(1)))) {
            assertThat(client.complete(hello(), ChatOptions.defaults()).content()).isEqualTo("after the limit");
            assertThat(client.requestsSent()).isEqualTo(2);
        }
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void retriesServerErrors() {
        server.enqueue(Reply.status(500, "oops"), Reply.json(LocalOpenAiServer.chatCompletion("recovered")));
        try (OpenAiClient client = new OpenAiClient(config())) {
            assertThat(client.complete(hello(), ChatOptions.defaults()).content()).isEqualTo("recovered");
        }
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void persistentServerErrorFailsClearlyAfterMaxRetries() {
        server.respondWith(r -> Reply.status(500, "{\"error\": {\"message\": \"CUDA out of memory\"}}"));
        LlmException failure = failure(config());
        assertThat(failure).hasMessage("LLM server at " + server.baseUrl()
                + " answered HTTP 500 to POST /chat/completions: CUDA out of memory (gave up after 3 attempts)");
        assertThat(failure.status()).isEqualTo(500);
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void clientErrorsAreNotRetried() {
        server.respondWith(r -> Reply.status(400, "{\"error\": {\"message\": \"maximum context length is 4096 tokens\"}}"));
        LlmException failure = failure(config());
        assertThat(failure).hasMessageContaining("HTTP 400")
                .hasMessageContaining("maximum context length is 4096 tokens");
        assertThat(failure.status()).isEqualTo(400);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void slowServerTimesOutWithClearError() {
        server.respondWith(r -> Reply.json(LocalOpenAiServer.chatCompletion("too late")).after(Duration.ofSeconds(20)));
        LlmException failure = failure(config().withTimeout(Duration.ofMillis(300)).withMaxRetries(1));
        assertThat(failure).hasMessage("LLM server at " + server.baseUrl()
                + " timed out after 300 ms on POST /chat/completions (gave up after 2 attempts)");
        assertThat(failure.status()).isEqualTo(LlmException.NO_RESPONSE);
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void unreachableServerFailsClearly() {
        String baseUrl = LocalOpenAiServer.unreachableBaseUrl();
        LlmConfig config = LlmConfig.of(baseUrl, "m").withRetryBackoff(Duration.ofMillis(5)).withMaxRetries(1);
        assertThat(failure(config))
                .hasMessageStartingWith("LLM server at " + baseUrl + " unreachable: ")
                .hasMessageContaining("refused")
                .hasMessageEndingWith("(gave up after 2 attempts)");
    }

    @Test
    void streamDeliversDeltasInOrderAndAssemblesThem() {
        server.enqueue(Reply.sse(LocalOpenAiServer.chatDeltas("The ", "capital ", "is ", "Paris", ".")));
        List<String> deltas = new ArrayList<>();
        try (OpenAiClient client = new OpenAiClient(config())) {
            ChatResponse response = client.stream(hello(), ChatOptions.defaults(), deltas::add);

            assertThat(deltas).containsExactly("The ", "capital ", "is ", "Paris", ".");
            assertThat(response.content()).isEqualTo("The capital is Paris.");
            assertThat(response.finishReason()).isEqualTo("stop");
        }
        assertThat(server.requests().getFirst().json().path("stream").asBoolean()).isTrue();
    }

    @Test
    void streamRetriesAnErrorBeforeTheFirstByte() {
        server.enqueue(Reply.status(503, "busy"), Reply.sse(LocalOpenAiServer.chatDeltas("a", "b")));
        List<String> deltas = new ArrayList<>();
        try (OpenAiClient client = new OpenAiClient(config())) {
            assertThat(client.stream(hello(), ChatOptions.defaults(), deltas::add).content()).isEqualTo("ab");
        }
        assertThat(deltas).containsExactly("a", "b");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void embeddingsComeBackInInputOrder() {
        List<float[]> vectors = List.of(new float[] {1, 0}, new float[] {0, 2}, new float[] {3, 3});
        server.enqueue(Reply.json(LocalOpenAiServer.embeddings(vectors, List.of(2, 0, 1))));
        try (OpenAiClient client = new OpenAiClient(config())) {
            List<float[]> result = client.embed(List.of("a", "b", "c"));

            assertThat(result).containsExactly(new float[] {1, 0}, new float[] {0, 2}, new float[] {3, 3});
        }
        LocalOpenAiServer.Request request = server.requests().getFirst();
        assertThat(request.path()).isEqualTo("/v1/embeddings");
        assertThat(request.json().path("input").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
    }

    @Test
    void garbledBodyIsAClearError() {
        server.enqueue(Reply.json("<html>Bad gateway</html>"));
        assertThat(failure(config())).hasMessageContaining("unusable body (invalid JSON): <html>Bad gateway</html>");
    }

    @Test
    void limitsRequestsInFlight() throws Exception {
        server.respondWith(r -> Reply.json(LocalOpenAiServer.chatCompletion("ok")).after(Duration.ofMillis(150)));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (OpenAiClient client = new OpenAiClient(config().withMaxConcurrency(2))) {
            List<Future<ChatResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) calls.add(pool.submit(() -> client.complete(hello(), ChatOptions.defaults())));
            for (Future<ChatResponse> call : calls) assertThat(call.get().content()).isEqualTo("ok");
        } finally {
            pool.shutdown();
        }
        assertThat(server.requestCount()).isEqualTo(6);
        assertThat(server.maxInFlight()).isEqualTo(2);
    }
}
