package dev.engram.retrieval.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.extraction.llm.LlmConfig;
import dev.engram.extraction.llm.LocalLlm;
import dev.engram.extraction.llm.LocalOpenAiServer;
import dev.engram.extraction.llm.LocalOpenAiServer.Reply;
import dev.engram.extraction.llm.OpenAiClient;
import dev.engram.retrieval.RankedPassage;
import dev.engram.retrieval.RetrievalResult;
import dev.engram.retrieval.VerbalizedPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnswerGeneratorTest {

    private static final String QUESTION = "Who directed the film based on Mark Bowden's book?";

    private final LocalLlm llm = new LocalLlm();
    private final LocalOpenAiServer server = llm.server();

    @AfterEach
    void stop() {
        llm.close();
    }

    private AnswerGenerator generator(String baseUrl) {
        OpenAiClient client = llm.client(
                LlmConfig.of(baseUrl, "test-model").withRetryBackoff(Duration.ofMillis(5)).withMaxRetries(2));
        return new AnswerGenerator(client);
    }

    private static AssembledContext context() {
        List<RankedPassage> passages = List.of(
                new RankedPassage("c1", "d1", "Black Hawk Down (film)", "Black Hawk Down is a 2001 war film.", 0.9),
                new RankedPassage("c2", "d1", "Black Hawk Down (film)", "It was directed by Ridley Scott.", 0.8),
                new RankedPassage("c3", "d2", "Mark Bowden", "Bowden wrote the book Black Hawk Down.", 0.7));
        List<VerbalizedPath> paths = List.of(
                new VerbalizedPath("Ridley Scott —directed→ Black Hawk Down", List.of("e1", "e2"), List.of("c2"), 1));
        return new ContextAssembler(1000).assemble(new RetrievalResult(passages, List.of(), paths, Map.of()));
    }

    @Test
    void streamsTheAnswerInOrderAndParsesItsCitations() {
        server.enqueue(Reply.sse(LocalOpenAiServer.chatDeltas(
                "Ridley Scott directed it ", "[2]", ", adapting Bowden's book ", "[3, 1]", "; see also [7].")));
        List<String> deltas = new CopyOnWriteArrayList<>();
        AssembledContext context = context();

        GeneratedAnswer answer = generator(server.baseUrl()).generate(QUESTION, context, deltas::add);

        assertThat(deltas).containsExactly(
                "Ridley Scott directed it ", "[2]", ", adapting Bowden's book ", "[3, 1]", "; see also [7].");
        assertThat(answer.error()).isNull();
        assertThat(answer.succeeded()).isTrue();
        assertThat(answer.answer()).isEqualTo(String.join("", deltas));
        assertThat(answer.cited()).extracting(Citation::id).containsExactly(2, 3, 1);
        assertThat(answer.cited().getFirst()).isEqualTo(new Citation(2, "c2", "d1", "Black Hawk Down (film)"));
        assertThat(answer.context()).isEqualTo(context);

        JsonNode request = server.requests().getFirst().json();
        assertThat(request.path("stream").asBoolean()).isTrue();
        JsonNode messages = request.path("messages");
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).path("content").asText())
                .contains("only", "[1]", "don't know");
        assertThat(messages.get(1).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(1).path("content").asText())
                .isEqualTo("Context:\n" + context.text() + "\n\nQuestion: " + QUESTION);
    }

    @Test
    void answersWithoutStreaming() {
        server.enqueue(Reply.json(LocalOpenAiServer.chatCompletion("  Ridley Scott [2][1].\n")));

        GeneratedAnswer answer = generator(server.baseUrl()).generate(QUESTION, context());

        assertThat(answer.answer()).isEqualTo("Ridley Scott [2][1].");
        assertThat(answer.cited()).extracting(Citation::chunkId).containsExactly("c2", "c1");
        assertThat(answer.error()).isNull();
        JsonNode request = server.requests().getFirst().json();
        assertThat(request.has("stream")).isFalse();
        assertThat(request.path("temperature").isNumber()).isTrue();
        assertThat(request.path("temperature").asDouble()).isZero();
    }

    @Test
    void unreachableServerGivesAnErrorAndKeepsTheContext() {
        String baseUrl = LocalOpenAiServer.unreachableBaseUrl();
        AssembledContext context = context();
        List<String> deltas = new ArrayList<>();

        GeneratedAnswer answer = generator(baseUrl).generate(QUESTION, context, deltas::add);

        assertThat(answer.succeeded()).isFalse();
        assertThat(answer.answer()).isNull();
        assertThat(answer.cited()).isEmpty();
        assertThat(answer.error()).startsWith("Could not generate an answer: LLM server at " + baseUrl + " unreachable")
                .contains("refused");
        assertThat(answer.context()).isEqualTo(context);
        assertThat(answer.context().citations()).hasSize(3);
        assertThat(deltas).isEmpty();
    }

    @Test
    void serverErrorsAfterRetriesGiveAnError() {
        Reply overloaded = Reply.status(500, "{\"error\": {\"message\": \"model overloaded\"}}");
        server.enqueue(overloaded, overloaded, overloaded);
        AssembledContext context = context();

        GeneratedAnswer answer = generator(server.baseUrl()).generate(QUESTION, context);

        assertThat(answer.answer()).isNull();
        assertThat(answer.error()).contains("HTTP 500", "model overloaded", "gave up after 3 attempts");
        assertThat(answer.context()).isEqualTo(context);
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void aFailingDeltaConsumerGivesAnErrorRatherThanAnException() {
        server.enqueue(Reply.sse(LocalOpenAiServer.chatDeltas("Ridley ", "Scott [2].")));

        GeneratedAnswer answer = generator(server.baseUrl()).generate(QUESTION, context(), delta -> {
            throw new IllegalStateException("browser went away");
        });

        assertThat(answer.answer()).isNull();
        assertThat(answer.error()).contains("browser went away");
        assertThat(answer.context().citations()).hasSize(3);
    }
}
