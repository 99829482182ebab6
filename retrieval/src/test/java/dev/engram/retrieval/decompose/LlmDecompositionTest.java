package dev.engram.retrieval.decompose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.extraction.llm.CachedChat;
import dev.engram.extraction.llm.LocalLlm;
import dev.engram.extraction.llm.LocalOpenAiServer;
import dev.engram.extraction.llm.LocalOpenAiServer.Reply;
import dev.engram.extraction.llm.OpenAiClient;
import dev.engram.extraction.query.QueryEntityExtractor;
import dev.engram.retrieval.Mode;
import dev.engram.retrieval.RankedPassage;
import dev.engram.retrieval.RetrievalRequest;
import dev.engram.retrieval.RetrievalResult;
import dev.engram.retrieval.Retriever;
import dev.engram.retrieval.llm.QueryLlm;
import dev.engram.retrieval.llm.QueryLlmLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LLM decomposition against the local OpenAI-compatible stand-in: the plan and hop-answer requests are made and
 * cached, and every kind of bad reply falls back to the offline plan without failing the question.
 */
class LlmDecompositionTest {
    private static final QuestionDecomposer OFFLINE = new QuestionDecomposer(new QueryEntityExtractor()::extract);
    private static final String CHAIN = "When was the man who directed Black Hawk Down born?";
    private static final String MULTI_STEP = """
            {"kind": "multi-step", "steps": ["Who directed Black Hawk Down?", "When was #1 born?"]}""";

    private final LocalLlm local = new LocalLlm();
    private final LocalOpenAiServer server = local.server();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    @TempDir
    Path cache;

    @AfterEach
    void stop() {
        local.close();
    }

    // the retriever underneath: records what it was asked, and finds one passage per question
    private final Retriever inner = request -> {
        asked.add(request.question());
        String q = request.question().toLowerCase(Locale.ROOT);
        String id = q.contains("ridley scott") ? "scott" : q.startsWith("who directed") ? "film" : "whole";
        String text = switch (id) {
            case "scott" -> "Sir Ridley Scott (born 30 November 1937) is an English film director.";
            case "film" -> "Black Hawk Down is a 2001 war film directed by Ridley Scott.";
            default -> "Black Hawk Down is a book by Mark Bowden.";
        };
        return RetrievalResult.of(List.of(new RankedPassage(id, id, id, text, 1.0)));
    };

    private QueryLlm llm(Duration timeout, QueryLlmLimits limits) {
        OpenAiClient client = local.client(local.config().withCacheDir(cache)
                .withTimeout(timeout).withMaxRetries(0).withRetryBackoff(Duration.ofMillis(5)));
        return new QueryLlm(new CachedChat(client), limits);
    }

    private DecomposingRetriever retriever(QueryLlm llm) {
        OfflinePlanner offline = new OfflinePlanner(OFFLINE, null, true, false);
        return new DecomposingRetriever(inner, new LlmPlanner(llm, offline), new LlmHopAnswerer(llm), OFFLINE,
                llm::budget, false);
    }

    private static RetrievalRequest request(String question) {
        return new RetrievalRequest(question, Mode.GRAPHRAG, 5, null);
    }

    @Test
    void aMultiStepQuestionIsAnsweredHopByHopAndCached() {
        server.enqueue(Reply.json(LocalOpenAiServer.chatCompletion(MULTI_STEP)),
                Reply.json(LocalOpenAiServer.chatCompletion("{\"answer\": \"Ridley Scott\", \"passage\": 1}")));
        QueryLlm llm = llm(Duration.ofSeconds(10), QueryLlmLimits.DEFAULTS);

        RetrievalResult out = retriever(llm).retrieve(request(CHAIN));

        assertThat(server.requestCount()).isEqualTo(2);
        String plan = server.requests().get(0).json().path("messages").get(1).path("content").asText();
        assertThat(plan).contains(CHAIN);
        assertThat(server.requests().get(0).json().path("response_format").path("type").asText())
                .isEqualTo("json_object");
        String hop = server.requests().get(1).json().path("messages").get(1).path("content").asText();
        assertThat(hop).contains("Who directed Black Hawk Down?", "directed by Ridley Scott");
        // the second hop is retrieved with the first hop's answer in it
        assertThat(asked).containsExactly(CHAIN, "Who directed Black Hawk Down?", "When was Ridley Scott born?");
        assertThat(out.subQuestions()).extracting(SubQuestion::question)
                .containsExactly("Who directed Black Hawk Down?", "When was Ridley Scott born?");
        assertThat(out.subQuestions().getFirst().answer()).isEqualTo("Ridley Scott");
        assertThat(out.subQuestions().getFirst().resolvedBy()).isEqualTo("llm");
        assertThat(out.passages()).extracting(RankedPassage::chunkId).containsExactly("film", "scott", "whole");
        assertThat(out.notes()).singleElement().asString().contains("sub-questions (multi-step, llm)");

        RetrievalResult again = retriever(llm).retrieve(request(CHAIN));
        assertThat(server.requestCount()).as("the same question again is served from the cache").isEqualTo(2);
        assertThat(llm.cacheHits()).isEqualTo(2);
        assertThat(again.passages()).isEqualTo(out.passages());
    }

    @Test
    void badRepliesFallBackToTheOfflinePlanWithoutFailing() {
        String comparison = "Which band was formed first, Hole or The Cure?";
        List<Reply> bad = List.of(
                Reply.json(LocalOpenAiServer.chatCompletion("I would split it in two.")),
                Reply.json(LocalOpenAiServer.chatCompletion("{\"kind\": \"multi-step\", \"steps\": \"two\"}")),
                Reply.json(LocalOpenAiServer.chatCompletion(
                        "{\"kind\": \"multi-step\", \"steps\": [\"When was #2 born?\", \"Who?\"]}")),
                Reply.json(LocalOpenAiServer.chatCompletion("{\"kind\": \"riddle\", \"steps\": []}")),
                Reply.status(500, "{\"error\": {\"message\": \"boom\"}}"),
                Reply.json("{\"choices\": []}"),
                Reply.json(LocalOpenAiServer.chatCompletion(MULTI_STEP)).after(Duration.ofSeconds(3)));
        List<String> reasons = List.of("reply is not a JSON object", "wrong shape: steps", "wrong shape: step 1 refers to #2",
                "wrong shape: kind", "HTTP 500", "unreadable reply", "no response (timeout or unreachable)");
        QueryLlm llm = llm(Duration.ofMillis(500), QueryLlmLimits.DEFAULTS);
        for (int i = 0; i < bad.size(); i++) {
            server.enqueue(bad.get(i));
            // a different question each time, so no reply comes from the cache
            String question = comparison.replace("first", "first" + " ".repeat(i));
            RetrievalResult out = retriever(llm).retrieve(request(question));
            assertThat(out.notes()).as("reply %d", i).hasSize(1);
            assertThat(out.notes().getFirst()).as("reply %d", i)
                    .contains("LLM decomposition failed (" + reasons.get(i), "offline plan used",
                            "sub-questions (comparison, offline)");
            assertThat(out.subQuestions()).extracting(SubQuestion::question).as("reply %d", i).hasSize(2);
            assertThat(out.passages()).isNotEmpty();
        }
        assertThat(server.requestCount()).isEqualTo(bad.size());
    }

    @Test
    void aBadHopAnswerKeepsTheWholeQuestionsPassages() {
        server.enqueue(Reply.json(LocalOpenAiServer.chatCompletion(MULTI_STEP)),
                Reply.json(LocalOpenAiServer.chatCompletion("{\"answer\": [\"Ridley\", \"Scott\"]}")));
        RetrievalResult out = retriever(llm(Duration.ofSeconds(10), QueryLlmLimits.DEFAULTS)).retrieve(request(CHAIN));

        assertThat(out.passages()).extracting(RankedPassage::chunkId).containsExactly("whole");
        assertThat(out.subQuestions().getFirst().answer()).isNull();
        assertThat(out.subQuestions().getFirst().resolvedBy()).contains("wrong shape: answer");
        assertThat(out.notes().getFirst()).contains("a hop has no answer, so the whole question's passages are kept");
        assertThat(asked).doesNotContain("When was Ridley Scott born?");
    }

    @Test
    void theCallLimitStopsTheHopAnswer() {
        server.enqueue(Reply.json(LocalOpenAiServer.chatCompletion(MULTI_STEP)));
        RetrievalResult out = retriever(llm(Duration.ofSeconds(10), QueryLlmLimits.DEFAULTS.withMaxCalls(1)))
                .retrieve(request(CHAIN));

        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(out.subQuestions().getFirst().resolvedBy()).contains("call limit per question reached");
        assertThat(out.passages()).extracting(RankedPassage::chunkId).containsExactly("whole");
    }

    @Test
    void thePromptIsCutToItsLimit() {
        server.enqueue(Reply.json(LocalOpenAiServer.chatCompletion("{\"kind\": \"none\", \"steps\": []}")));
        String longQuestion = "Which " + "Black Hawk Down ".repeat(200) + "?";
        RetrievalResult out = retriever(llm(Duration.ofSeconds(10), QueryLlmLimits.DEFAULTS.withPromptChars(1000)))
                .retrieve(request(longQuestion));

        String sent = server.requests().getFirst().json().path("messages").get(1).path("content").asText();
        String system = server.requests().getFirst().json().path("messages").get(0).path("content").asText();
        assertThat(sent.length() + system.length()).isLessThanOrEqualTo(1000);
        assertThat(out.notes()).containsExactly("LLM decomposition: asked whole");
        assertThat(out.passages()).extracting(RankedPassage::chunkId).containsExactly("whole");
    }
}
