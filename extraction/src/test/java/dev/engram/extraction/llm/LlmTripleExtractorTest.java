package dev.engram.extraction.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.extraction.llm.LocalOpenAiServer.Reply;
import dev.engram.extraction.llm.LocalOpenAiServer.Request;
import dev.engram.records.triples.Triple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmTripleExtractorTest {

    private static final String ENTITIES = "{\"named_entities\": [\"Alan Turing\", \"London\", \"1912\"]}";
    private static final String TRIPLES = """
            {"triples": [["Alan Turing", "born in", "London"], ["Alan Turing", "born in", "1912"]]}""";

    private final LocalOpenAiServer server = LocalOpenAiServer.start();

    @TempDir
    Path cacheDir;

    @AfterEach
    void stop() {
        server.close();
    }

    /** Answers the entity step and the triple step of each passage, chosen by the passage's title. */
    private static Function<Request, Reply> answers(Map<String, String[]> byTitle) {
        return request -> {
            String system = request.json().path("messages").get(0).path("content").asText();
            String last = request.json().path("messages").get(3).path("content").asText();
            String title = last.substring("Passage:\n".length()).lines().findFirst().orElseThrow();
            String[] pair = byTitle.get(title);
            String answer = system.startsWith("You extract named entities") ? pair[0] : pair[1];
            return Reply.json(LocalOpenAiServer.chatCompletion(answer));
        };
    }

    private LlmTripleExtractor extractor(Path cache) {
        return new LlmTripleExtractor(new OpenAiClient(
                LlmConfig.of(server.baseUrl(), "test-model").withRetryBackoff(Duration.ofMillis(5)).withCacheDir(cache)));
    }

    @Test
    void extractsTriplesInTwoSteps() {
        server.respondWith(answers(Map.of("Alan Turing", new String[] {ENTITIES, TRIPLES})));
        LlmTripleExtractor extractor = extractor(null);

        List<Triple> triples = extractor.extract("Alan Turing", "Alan Turing was born in London in 1912.");

        assertThat(triples).containsExactly(
                new Triple("Alan Turing", "born in", "London"), new Triple("Alan Turing", "born in", "1912"));
        assertThat(server.requestCount()).isEqualTo(2);
        Request entityStep = server.requests().get(0);
        Request tripleStep = server.requests().get(1);
        assertThat(entityStep.json().path("temperature").asDouble()).isZero();
        assertThat(entityStep.json().path("response_format").path("type").asText()).isEqualTo("json_object");
        assertThat(entityStep.json().path("messages").get(3).path("content").asText())
                .isEqualTo("Passage:\nAlan Turing\nAlan Turing was born in London in 1912.");
        // The triple step is given the entities found by the first.
        assertThat(tripleStep.json().path("messages").get(3).path("content").asText())
                .endsWith("Named entities: {\"named_entities\":[\"Alan Turing\",\"London\",\"1912\"]}");
        assertThat(extractor.problems()).isEmpty();
        assertThat(extractor.stats()).isEqualTo(new ExtractionStats(1, 2, 0, 0, 0, 0, 2));
    }

    @Test
    void repairsMalformedAnswersAndDropsBadTriples() {
        String fencedEntities = "```json\n{'named_entities': ['Alan Turing', 'London',],}\n```";
        String truncatedTriples = """
                Here are the triples:
                {"triples": [["Alan Turing", "born in", "London"], ["Alan Turing", "mathematician"],
                 ["Alan Turing", "", "x"], ["Alan Turing", "died in", 1954], ["Alan Turing", "born in", "London"],
                 ["Alan Turing", "worked at", "Blet""";
        server.respondWith(answers(Map.of("Alan Turing", new String[] {fencedEntities, truncatedTriples})));
        LlmTripleExtractor extractor = extractor(null);

        List<Triple> triples = extractor.extract("Alan Turing", "Alan Turing was born in London.");

        assertThat(triples).containsExactly(
                new Triple("Alan Turing", "born in", "London"), new Triple("Alan Turing", "died in", "1954"));
        assertThat(extractor.namedEntities("Alan Turing", "Alan Turing was born in London."))
                .containsExactly("Alan Turing", "London");
        ExtractionStats stats = extractor.stats();
        assertThat(stats.repairedAnswers()).isEqualTo(1);
        // Wrong length, an empty part, and the truncated last one.
        assertThat(stats.droppedTriples()).isEqualTo(3);
        assertThat(stats.failedPassages()).isZero();
    }

    @Test
    void unusableAnswerSkipsThePassageAndReportsIt() {
        server.respondWith(answers(Map.of(
                "Good", new String[] {ENTITIES, TRIPLES},
                "Bad", new String[] {ENTITIES, "I'm sorry, but I can't produce triples for this passage."},
                "Odd", new String[] {"{\"people\": [\"x\"]}", TRIPLES})));
        LlmTripleExtractor extractor = extractor(null);

        List<List<Triple>> results = Stream.of("Good", "Bad", "Odd", "Good")
                .map(title -> extractor.extract(title, "Some text about " + title + "."))
                .toList();

        assertThat(results.get(0)).hasSize(2);
        assertThat(results.get(1)).isEmpty();
        assertThat(results.get(2)).isEmpty();
        assertThat(results.get(3)).hasSize(2);
        assertThat(extractor.problems()).extracting(ExtractionProblem::title, ExtractionProblem::step, ExtractionProblem::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Bad", "triples", "no JSON in the answer"),
                        org.assertj.core.groups.Tuple.tuple("Odd", "entities", "the JSON lacks the expected list"));
        assertThat(extractor.problems().getFirst().output()).startsWith("I'm sorry");
        assertThat(extractor.stats().failedPassages()).isEqualTo(2);
        assertThat(extractor.stats().passages()).isEqualTo(4);
    }

    @Test
    void rejectedPassageIsSkippedButAServerOutageIsThrown() {
        server.enqueue(Reply.status(400, "{\"error\": {\"message\": \"context length exceeded\"}}"));
        LlmTripleExtractor extractor = extractor(null);

        assertThat(extractor.extract("Long", "A very long passage.")).isEmpty();
        assertThat(extractor.problems().getFirst().reason()).contains("context length exceeded");

        server.respondWith(r -> Reply.status(503, "down"));
        assertThatThrownBy(() -> extractor.extract("Any", "Text."))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("HTTP 503");
    }

    @Test
    void cachedRunMakesNoRequests() throws Exception {
        server.respondWith(answers(Map.of(
                "Alan Turing", new String[] {ENTITIES, TRIPLES},
                "Bad", new String[] {ENTITIES, "no idea"})));
        List<Triple> first = extractor(cacheDir).extract("Alan Turing", "Alan Turing was born in London in 1912.");
        extractor(cacheDir).extract("Bad", "Unclear.");
        assertThat(server.requestCount()).isEqualTo(4);
        try (Stream<Path> files = Files.walk(cacheDir)) {
            // Both steps of the good passage and the entity step of the bad one; the unusable answer is not kept.
            assertThat(files.filter(p -> p.toString().endsWith(".json")).count()).isEqualTo(3);
        }

        LlmTripleExtractor rerun = extractor(cacheDir);
        List<Triple> second = rerun.extract("Alan Turing", "Alan Turing was born in London in 1912.");

        assertThat(second).isEqualTo(first).hasSize(2);
        assertThat(server.requestCount()).isEqualTo(4);
        assertThat(rerun.stats().cacheHits()).isEqualTo(2);
        assertThat(rerun.stats().llmCalls()).isZero();
        // The failed passage is asked about again (its triple step only).
        rerun.extract("Bad", "Unclear.");
        assertThat(server.requestCount()).isEqualTo(5);
    }

    @Test
    void concurrentExtractionKeepsEveryPassage() {
        server.respondWith(request -> {
            String last = request.json().path("messages").get(3).path("content").asText();
            String title = last.substring("Passage:\n".length()).lines().findFirst().orElseThrow();
            boolean entities = request.json().path("messages").get(0).path("content").asText().startsWith("You extract");
            String answer = entities
                    ? "{\"named_entities\": [\"" + title + "\"]}"
                    : "{\"triples\": [[\"" + title + "\", \"is\", \"a passage\"]]}";
            return Reply.json(LocalOpenAiServer.chatCompletion(answer));
        });
        LlmTripleExtractor extractor = extractor(cacheDir);

        List<List<Triple>> results = IntStream.range(0, 40).parallel()
                .mapToObj(i -> extractor.extract("P" + i, "Passage number " + i + "."))
                .toList();

        for (int i = 0; i < 40; i++) {
            assertThat(results.get(i)).containsExactly(new Triple("P" + i, "is", "a passage"));
        }
        assertThat(extractor.stats().triples()).isEqualTo(40);
        assertThat(server.requestCount()).isEqualTo(80);
    }
}
