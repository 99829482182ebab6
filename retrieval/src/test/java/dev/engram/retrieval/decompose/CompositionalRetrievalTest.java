package dev.engram.retrieval.decompose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.extraction.document.DocumentLoader;
import dev.engram.extraction.query.QueryEntityExtractor;
import dev.engram.ingest.DocumentSource;
import dev.engram.ingest.IngestListener;
import dev.engram.retrieval.DenseRetriever;
import dev.engram.retrieval.EndToEndStore;
import dev.engram.retrieval.Mode;
import dev.engram.retrieval.RankedPassage;
import dev.engram.retrieval.RetrievalRequest;
import dev.engram.retrieval.RetrievalResult;
import dev.engram.retrieval.Retriever;
import dev.engram.retrieval.llm.CallBudget;
import dev.engram.store.search.AccessFilter;
import dev.engram.store.search.ChunkSearch;
import dev.engram.store.search.EntitySearch;
import dev.engram.store.search.RelationSearch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offline compositional decomposition end to end: real Neo4j, the real model, rule extraction. "The director of
 * Black Hawk Down" is resolved from the film's "directed by" relation, the second hop retrieved for the director,
 * and both passages come first.
 */
class CompositionalRetrievalTest {
    private static final QueryEntityExtractor MENTIONS = new QueryEntityExtractor();
    private static final String QUESTION = "In which town was the director of Black Hawk Down born?";

    @TempDir static Path dir;
    static EndToEndStore ingested;

    @BeforeAll
    static void ingest() throws IOException {
        Path corpus = dir.resolve("films.jsonl");
        Files.write(corpus, List.of(
                "{\"id\": \"film\", \"title\": \"Black Hawk Down\", \"text\": \"Black Hawk Down is a 2001 war film directed by Ridley Scott. It is based on the 1999 book by Mark Bowden.\"}",
                "{\"id\": \"scott\", \"title\": \"Ridley Scott\", \"text\": \"Sir Ridley Scott is an English film director and producer. Scott was born in South Shields.\"}",
                "{\"id\": \"bowden\", \"title\": \"Mark Bowden\", \"text\": \"Mark Bowden is an American journalist. Bowden was born in Saint Louis, the town where he grew up.\"}",
                "{\"id\": \"hawk\", \"title\": \"Black hawk\", \"text\": \"The common black hawk is a bird of prey found from the town of Tucson south to Peru, where it was born as a species.\"}",
                "{\"id\": \"war\", \"title\": \"Battle of Mogadishu\", \"text\": \"The Battle of Mogadishu, in which Black Hawk helicopters were shot down, was fought in 1993.\"}"));
        ingested = EndToEndStore.open(dir.resolve("db"));
        ingested.ruleIngest().run(DocumentSource.files(new DocumentLoader(), List.of(corpus)), IngestListener.NONE);
    }

    @AfterAll
    static void close() {
        if (ingested != null) {
            ingested.close();
        }
    }

    private static DecomposingRetriever retriever(boolean compositional) {
        Retriever dense = new DenseRetriever(ingested.embedder(), new ChunkSearch(ingested.store()));
        QuestionDecomposer comparisons = new QuestionDecomposer(MENTIONS::extract);
        RelationalNouns nouns = RelationalNouns.load();
        OfflinePlanner planner = new OfflinePlanner(comparisons, new CompositionalParser(MENTIONS::extract, nouns),
                false, compositional);
        EntitySearch entities = new EntitySearch(ingested.store());
        HopResolver graph = new GraphHopResolver((name, access) -> entities.entityByName(name, 5, access),
                new RelationSearch(ingested.store()), nouns);
        return new DecomposingRetriever(dense, planner, graph, comparisons, () -> new CallBudget(0), false);
    }

    @Test
    void theFirstHopIsResolvedFromTheGraphAndBothHopsAreRepresented() {
        RetrievalResult out = retriever(true).retrieve(new RetrievalRequest(QUESTION, Mode.DENSE, 5, AccessFilter.ALL));

        assertThat(out.subQuestions()).extracting(SubQuestion::question)
                .containsExactly("the director of Black Hawk Down", "In which town was Ridley Scott born?");
        SubQuestion hop = out.subQuestions().getFirst();
        assertThat(hop.answer()).isEqualTo("Ridley Scott");
        assertThat(hop.resolvedBy()).startsWith("graph: Black Hawk Down —").contains("direct", "→ Ridley Scott");
        assertThat(out.passages().subList(0, 2)).extracting(RankedPassage::documentId)
                .containsExactlyInAnyOrder("film", "scott");
        assertThat(out.notes()).singleElement().asString().contains("sub-questions (compositional, offline)");
    }

    @Test
    void aHopTheGraphCannotResolveKeepsTheWholeQuestionsPassages() {
        String question = "In which town was the director of Black Hawk Up born?";
        RetrievalResult out = retriever(true).retrieve(new RetrievalRequest(question, Mode.DENSE, 5, AccessFilter.ALL));
        RetrievalResult whole = new DenseRetriever(ingested.embedder(), new ChunkSearch(ingested.store()))
                .retrieve(new RetrievalRequest(question, Mode.DENSE, 5, AccessFilter.ALL));

        assertThat(out.subQuestions().getFirst().answer()).isNull();
        assertThat(out.subQuestions().getFirst().resolvedBy()).contains("Black Hawk Up");
        assertThat(out.passages()).isEqualTo(whole.passages());
        assertThat(out.notes().getFirst()).contains("a hop has no answer, so the whole question's passages are kept");
    }

    @Test
    void withoutCompositionalPlansTheQuestionIsAskedWhole() {
        RetrievalResult out = retriever(false).retrieve(new RetrievalRequest(QUESTION, Mode.DENSE, 5, AccessFilter.ALL));
        assertThat(out.subQuestions()).isEmpty();
        assertThat(out.notes()).isEmpty();
    }
}
