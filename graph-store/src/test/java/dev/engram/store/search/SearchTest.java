package dev.engram.store.search;

import static dev.engram.store.testing.Docs.doc;
import static dev.engram.store.testing.Knowledge.chunk;
import static dev.engram.store.testing.Knowledge.facts;
import static dev.engram.store.testing.Knowledge.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.engram.store.testing.Knowledge;
import dev.engram.store.lexical.DocumentWriter;
import dev.engram.store.testing.HashEmbedder;
import dev.engram.store.testing.StoreTestBase;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SearchTest extends StoreTestBase {

    private final ChunkSearch chunks = new ChunkSearch(store);
    private final EntitySearch entities = new EntitySearch(store);
    private final FactSearch facts = new FactSearch(store);

    private static final AccessFilter ACME_FINANCE = new AccessFilter("acme", List.of("finance"));
    private static final AccessFilter ACME_SALES = new AccessFilter("acme", List.of("sales"));
    private static final AccessFilter GLOBEX = new AccessFilter("globex", List.of("finance"));

    @BeforeEach
    void ingest() {
        DocumentWriter writer = new DocumentWriter(store);
        writer.write(List.of(
                doc("paris", "Paris", "Paris is the capital of France.", "The Seine flows through Paris."),
                doc("berlin", "Berlin", "Berlin is the capital of Germany."),
                doc("acme-q3", "Acme Q3", "acme", List.of("finance"), "Acme revenue grew in the third quarter."),
                doc("acme-all", "Acme handbook", "acme", List.of(), "Every Acme employee gets a parking space.")));
        // exactly the mentions the triples give, so which entity each reader can see is plain from the fixture
        Knowledge.write(store, embedder, false, List.of(
                chunk("paris#0", facts(t("Paris", "capital of", "France"))),
                chunk("berlin#0", facts(t("Berlin", "capital of", "Germany"))),
                chunk("acme-q3#0", facts(t("Acme", "revenue grew in", "third quarter")))));
        writer.markComplete(List.of("paris", "berlin", "acme-q3", "acme-all"));
    }

    @Test
    void denseFindsTheNearestChunkWithCosineScores() {
        List<ScoredChunk> hits = chunks.dense(HashEmbedder.vector("Seine flows through Paris"), 2, AccessFilter.ALL);
        assertThat(hits).hasSize(2);
        ScoredChunk top = hits.getFirst();
        assertThat(top.chunkId()).isEqualTo("paris#1");
        assertThat(top.documentId()).isEqualTo("paris");
        assertThat(top.title()).isEqualTo("Paris");
        assertThat(top.index()).isEqualTo(1);
        assertThat(top.text()).isEqualTo("The Seine flows through Paris.");
        assertThat(top.score()).isBetween(0.8, 1.0001);
        assertThat(hits.get(1).score()).isLessThan(top.score());
    }

    @Test
    void fullTextRanksByBm25() {
        List<ScoredChunk> hits = chunks.fullText("capital of Germany", 3, AccessFilter.ALL);
        assertThat(hits).isNotEmpty();
        assertThat(hits.getFirst().chunkId()).isEqualTo("berlin#0");
        assertThat(hits).extracting(ScoredChunk::chunkId).contains("paris#0");
    }

    @Test
    void luceneSpecialCharactersInQuestionsNeverThrow() {
        for (String question : List.of("What's (the) capital?", "capital AND", "OR NOT", "a:b [c TO d] {e} ~f ^2 \"g",
                "Paris && France || !Germany", "back\\slash / slash * ? + -", "\"unbalanced", "", "   ", "???")) {
            assertThatCode(() -> chunks.fullText(question, 5, AccessFilter.ALL)).as(question).doesNotThrowAnyException();
            assertThatCode(() -> entities.entityByName(question, 5)).as(question).doesNotThrowAnyException();
        }
        assertThat(chunks.fullText("What's (the) capital of France?", 1, AccessFilter.ALL))
                .extracting(ScoredChunk::chunkId).containsExactly("paris#0");
        assertThat(LuceneQuery.escape("What's (the) capital?")).isEqualTo("What's \\(the\\) capital\\?");
    }

    @Test
    void accessFilterHidesOtherTenantsAndGroups() {
        float[] revenue = HashEmbedder.vector("Acme revenue grew in the third quarter");
        assertThat(ids(chunks.dense(revenue, 10, AccessFilter.ALL))).contains("acme-q3#0");
        assertThat(ids(chunks.dense(revenue, 10, ACME_FINANCE))).contains("acme-q3#0", "acme-all#0", "paris#0");
        assertThat(ids(chunks.dense(revenue, 10, ACME_SALES))).doesNotContain("acme-q3#0").contains("acme-all#0");
        assertThat(ids(chunks.dense(revenue, 10, GLOBEX))).doesNotContain("acme-q3#0", "acme-all#0").contains("berlin#0");
        assertThat(ids(chunks.dense(revenue, 10, AccessFilter.publicOnly())))
                .containsExactlyInAnyOrder("paris#0", "paris#1", "berlin#0");

        assertThat(ids(chunks.fullText("Acme revenue", 10, ACME_FINANCE))).contains("acme-q3#0");
        assertThat(ids(chunks.fullText("Acme revenue", 10, GLOBEX))).isEmpty();
        assertThat(ids(chunks.fullText("Acme revenue", 10, new AccessFilter("acme", List.of(AccessFilter.ANY)))))
                .containsExactlyInAnyOrder("acme-q3#0", "acme-all#0");
    }

    @Test
    void entitiesAreFoundByVectorAndByNameWithinAccess() {
        List<ScoredEntity> byVector = entities.entityByVector(HashEmbedder.vector("Paris"), 3);
        assertThat(byVector.getFirst()).isEqualTo(new ScoredEntity("paris", "Paris", byVector.getFirst().score(), 1));
        assertThat(byVector.getFirst().score()).isGreaterThan(0.99);

        assertThat(entities.entityByName("third quarter", 3)).extracting(ScoredEntity::id).first().isEqualTo("third quarter");
        assertThat(entities.entityByName("Acme", 3, GLOBEX)).isEmpty();
        assertThat(entities.entityByName("Acme", 3, ACME_FINANCE)).extracting(ScoredEntity::id).containsExactly("acme");
        assertThat(entities.entityByVector(HashEmbedder.vector("Acme"), 20, ACME_SALES))
                .extracting(ScoredEntity::id).doesNotContain("acme", "third quarter").contains("paris");
    }

    @Test
    void factsAreLinkedByVectorWithOnlyReadableProvenance() {
        List<ScoredFact> hits = facts.factsByVector(embedder.embedQuery("(Berlin, capital of, Germany)"), 2);
        assertThat(hits.getFirst()).isEqualTo(
                new ScoredFact("berlin", "capital of", "germany", hits.getFirst().score(), List.of("berlin#0")));
        assertThat(hits.getFirst().score()).isGreaterThan(0.99);

        float[] revenue = embedder.embedQuery("(Acme, revenue grew in, third quarter)");
        assertThat(facts.factsByVector(revenue, 1, ACME_FINANCE).getFirst().subjectId()).isEqualTo("acme");
        assertThat(facts.factsByVector(revenue, 5, GLOBEX)).extracting(ScoredFact::subjectId).doesNotContain("acme");
    }

    @Test
    void filteredSearchFetchesDeeperWhenTheNearestChunksAreHidden() {
        List<dev.engram.store.lexical.DocumentRecord> hidden = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            hidden.add(doc("hidden" + i, "Hidden", "globex", List.of(), "Acme revenue grew in quarter " + i));
        }
        new DocumentWriter(store).write(hidden);
        float[] revenue = HashEmbedder.vector("Acme revenue grew in the third quarter");

        List<ScoredChunk> acme = chunks.dense(revenue, 2, ACME_FINANCE);
        assertThat(ids(acme)).hasSize(2).allSatisfy(id -> assertThat(id).doesNotStartWith("hidden"));
        assertThat(ids(acme).getFirst()).isEqualTo("acme-q3#0");
        assertThat(ids(chunks.dense(revenue, 3, GLOBEX))).hasSize(3).allSatisfy(id -> assertThat(id).startsWith("hidden"));
    }

    private static List<String> ids(List<ScoredChunk> hits) {
        return hits.stream().map(ScoredChunk::chunkId).toList();
    }
}
