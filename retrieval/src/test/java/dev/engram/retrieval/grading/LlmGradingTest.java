package dev.engram.retrieval.grading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.extraction.llm.CachedChat;
import dev.engram.extraction.llm.LocalLlm;
import dev.engram.extraction.llm.LocalOpenAiServer;
import dev.engram.extraction.llm.LocalOpenAiServer.Reply;
import dev.engram.extraction.llm.OpenAiClient;
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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LLM grading against the local OpenAI-compatible stand-in: one grading request per question, cached; irrelevant
 * passages kept and marked but left out of the context; bad replies leave the offline grades in place.
 */
class LlmGradingTest {
    private static final String QUESTION = "Who directed Black Hawk Down?";
    private static final List<RankedPassage> PASSAGES = List.of(
            new RankedPassage("c1", "d1", "Black Hawk Down (film)", "Black Hawk Down is a 2001 film directed by Ridley Scott.", 0.9),
            new RankedPassage("c2", "d2", "Hawk", "Hawks are birds of prey.", 0.5),
            new RankedPassage("c3", "d3", "Mark Bowden", "Mark Bowden wrote the book Black Hawk Down.", 0.4));

    private final LocalLlm local = new LocalLlm();
    private final LocalOpenAiServer server = local.server();
    @TempDir
    Path cache;

    @AfterEach
    void stop() {
        local.close();
    }

    // offline grades as the GradingRetriever gives them: every passage weak, so nothing is relevant offline
    private final Retriever offline = request -> RetrievalResult.of(PASSAGES).withGrading(PASSAGES.stream()
            .map(p -> new PassageGrade(p.chunkId(), p.documentId(), Grade.WEAK, 0.2, Map.of("cos", 0.5))).toList(),
            Coverage.NONE);

    private LlmGradingRetriever retriever() {
        OpenAiClient client = local.client(local.config().withCacheDir(cache)
                .withTimeout(Duration.ofMillis(500)).withMaxRetries(0));
        return new LlmGradingRetriever(offline, new LlmGrader(new QueryLlm(new CachedChat(client),
                QueryLlmLimits.DEFAULTS)));
    }

    private static RetrievalRequest request(String question) {
        return new RetrievalRequest(question, Mode.GRAPHRAG, 5, null);
    }

    @Test
    void theLlmGradesEachPassageAndIrrelevantOnesLeaveTheContext() {
        server.enqueue(Reply.json(LocalOpenAiServer.chatCompletion("""
                {"passages": [{"id": 1, "relevant": true, "supports": true},
                              {"id": 2, "relevant": false, "supports": false},
                              {"id": 3, "relevant": true, "supports": false}]}""")));
        LlmGradingRetriever retriever = retriever();

        RetrievalResult out = retriever.retrieve(request(QUESTION));

        assertThat(server.requestCount()).isEqualTo(1);
        String prompt = server.requests().getFirst().json().path("messages").get(1).path("content").asText();
        assertThat(prompt).contains(QUESTION, "[1] Black Hawk Down (film): Black Hawk Down is a 2001 film",
                "[2] Hawk: Hawks are birds", "[3] Mark Bowden");
        assertThat(out.grades()).extracting(PassageGrade::grade)
                .containsExactly(Grade.RELEVANT, Grade.IRRELEVANT, Grade.RELEVANT);
        assertThat(out.grades()).extracting(PassageGrade::gradedBy).containsOnly("llm");
        assertThat(out.grades()).extracting(PassageGrade::supports).containsExactly(true, false, false);
        assertThat(out.coverage().covered()).isTrue();
        // kept in the result, marked, but not given to generation
        assertThat(out.passages()).hasSize(3);
        assertThat(out.usablePassages()).extracting(RankedPassage::chunkId).containsExactly("c1", "c3");
        assertThat(out.notes()).containsExactly("LLM grading: 3 of 3 passages judged, 1 irrelevant");

        RetrievalResult again = retriever.retrieve(request(QUESTION));
        assertThat(server.requestCount()).as("the same question again is served from the cache").isEqualTo(1);
        assertThat(again.grades()).isEqualTo(out.grades());
    }

    @Test
    void verdictsTheLlmLeftOutKeepTheirOfflineGrade() {
        server.enqueue(Reply.json(LocalOpenAiServer.chatCompletion(
                "Sure! ```json\n{\"passages\": [{\"id\": 2, \"relevant\": false}, {\"id\": 9, \"relevant\": true}]}\n```")));
        RetrievalResult out = retriever().retrieve(request(QUESTION));

        assertThat(out.grades()).extracting(PassageGrade::grade).containsExactly(Grade.WEAK, Grade.IRRELEVANT, Grade.WEAK);
        assertThat(out.grades()).extracting(PassageGrade::gradedBy).containsExactly("offline", "llm", "offline");
        assertThat(out.coverage().covered()).isFalse();
    }

    @Test
    void badRepliesKeepTheOfflineGradesWithoutFailing() {
        List<Reply> bad = List.of(
                Reply.json(LocalOpenAiServer.chatCompletion("all relevant")),
                Reply.json(LocalOpenAiServer.chatCompletion("{\"passages\": \"all relevant\"}")),
                Reply.json(LocalOpenAiServer.chatCompletion("{\"passages\": [{\"id\": \"one\", \"relevant\": \"yes\"}]}")),
                Reply.status(503, "{\"error\": {\"message\": \"overloaded\"}}"),
                Reply.json(LocalOpenAiServer.chatCompletion("{\"passages\": []}")).after(Duration.ofSeconds(3)));
        List<String> reasons = List.of("reply is not a JSON object", "wrong shape: passages",
                "wrong shape: no usable verdict", "HTTP 503", "no response (timeout or unreachable)");
        LlmGradingRetriever retriever = retriever();
        for (int i = 0; i < bad.size(); i++) {
            server.enqueue(bad.get(i));
            RetrievalResult out = retriever.retrieve(request(QUESTION + " (" + i + ")"));
            assertThat(out.notes()).as("reply %d", i)
                    .containsExactly("LLM grading failed (" + reasons.get(i) + "); offline grades kept");
            assertThat(out.grades()).extracting(PassageGrade::gradedBy).as("reply %d", i).containsOnly("offline");
            assertThat(out.grades()).extracting(PassageGrade::grade).containsOnly(Grade.WEAK);
            assertThat(out.coverage().covered()).isFalse();
            assertThat(out.passages()).hasSize(3);
        }
        assertThat(server.requestCount()).isEqualTo(bad.size());
    }
}
