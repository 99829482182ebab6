package dev.engram.extraction.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.engram.extraction.llm.LlmConfig;
import dev.engram.extraction.llm.LlmException;
import dev.engram.extraction.llm.LocalOpenAiServer;
import dev.engram.extraction.llm.LocalOpenAiServer.Reply;
import dev.engram.extraction.llm.OpenAiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiEmbedderTest {

    private final LocalOpenAiServer server = LocalOpenAiServer.start();

    /** Embeds "tN" as (N + 1, 2, 0) and anything else as (0, 0, 5), in reverse order to check index handling. */
    @BeforeEach
    void script() {
        server.respondWith(request -> {
            List<float[]> vectors = new ArrayList<>();
            request.json().path("input").forEach(input -> {
                String text = input.asText();
                vectors.add(text.matches("t\\d+")
                        ? new float[] {Integer.parseInt(text.substring(1)) + 1, 2, 0}
                        : new float[] {0, 0, 5});
            });
            List<Integer> reversed = IntStream.range(0, vectors.size()).map(i -> vectors.size() - 1 - i).boxed().toList();
            return Reply.json(LocalOpenAiServer.embeddings(vectors, reversed));
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private OpenAiEmbedder embedder(String prefix, int dimensions) {
        return new OpenAiEmbedder(new OpenAiClient(LlmConfig.of(server.baseUrl(), "test-embedder")), prefix, 64, dimensions);
    }

    @Test
    void embedsInBatchesAndNormalises() {
        List<String> texts = IntStream.range(0, 150).mapToObj(i -> "t" + i).toList();
        try (OpenAiEmbedder embedder = embedder("", 0)) {
            List<float[]> vectors = embedder.embedPassages(texts);

            assertThat(vectors).hasSize(150);
            float norm = (float) Math.sqrt(4 * 4 + 2 * 2);
            assertThat(vectors.get(3)).containsExactly(new float[] {4 / norm, 2 / norm, 0}, within(1e-6f));
            for (float[] v : vectors) {
                assertThat(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]).isCloseTo(1f, within(1e-5f));
            }
            assertThat(embedder.dimensions()).isEqualTo(3);
            assertThat(embedder.modelName()).isEqualTo("test-embedder");
        }
        assertThat(server.requests()).extracting(r -> r.json().path("input").size()).containsExactly(64, 64, 22);
        assertThat(server.requests().getFirst().path()).isEqualTo("/v1/embeddings");
        assertThat(server.requests().getFirst().json().path("model").asText()).isEqualTo("test-embedder");
    }

    @Test
    void queriesCarryThePrefix() {
        try (OpenAiEmbedder embedder = embedder("query: ", 3)) {
            assertThat(embedder.embedQuery("who?")).containsExactly(0, 0, 1);
        }
        assertThat(server.requests().getFirst().json().path("input").get(0).asText()).isEqualTo("query: who?");
    }

    @Test
    void dimensionsAreLearntFromTheServerWhenNotConfigured() {
        try (OpenAiEmbedder embedder = embedder("", 0)) {
            assertThat(embedder.dimensions()).isEqualTo(3);
            assertThat(server.requestCount()).isEqualTo(1);
            assertThat(embedder.dimensions()).isEqualTo(3);
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void wrongDimensionsAreAnError() {
        try (OpenAiEmbedder embedder = embedder("", 384)) {
            assertThat(embedder.dimensions()).isEqualTo(384);
            assertThatThrownBy(() -> embedder.embedPassages(List.of("t1")))
                    .isInstanceOf(LlmException.class)
                    .hasMessageContaining("returned a 3-dimensional vector for model test-embedder, expected 384");
        }
    }

    @Test
    void emptyInputNeedsNoRequest() {
        try (OpenAiEmbedder embedder = embedder("", 3)) {
            assertThat(embedder.embedPassages(List.of())).isEmpty();
        }
        assertThat(server.requestCount()).isZero();
    }
}
