package dev.engram.ingest.knowledge;

import static dev.engram.store.testing.Docs.doc;
import static dev.engram.store.testing.Knowledge.chunk;
import static dev.engram.store.testing.Knowledge.facts;
import static dev.engram.store.testing.Knowledge.t;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.store.knowledge.ChunkKnowledge;
import dev.engram.store.knowledge.KnowledgeWriteSummary;
import dev.engram.store.knowledge.KnowledgeWriter;
import dev.engram.store.knowledge.NameMentionLinker;
import dev.engram.store.knowledge.SynonymLinker;
import dev.engram.store.lexical.DocumentWriter;
import dev.engram.store.stats.GraphStats;
import dev.engram.store.testing.StoreTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

class KnowledgeStageTest extends StoreTestBase {

    private KnowledgeStage writer;

    @BeforeEach
    void writeDocuments() {
        new DocumentWriter(store).write(List.of(
                doc("a", "A", "Ridley Scott directed Black Hawk Down.", "Black Hawk Down is based on a book by Mark Bowden."),
                doc("b", "B", "Ridley Scott directed Gladiator.")));
        writer = KnowledgeStage.standard(store, embedder);
    }

    @Test
    void createsEntitiesRelationsAndMentions() {
        KnowledgeStage.Result summary = writer.write(List.of(
                chunk("a#0", facts(t("Ridley Scott", "directed", "Black Hawk Down"))),
                chunk("a#1", facts(t("Black Hawk Down", "based on book by", "Mark Bowden"))),
                chunk("b#0", facts(t("Ridley Scott", "directed", "Gladiator")), "Ridley Scott")));

        assertThat(summary.written().entitiesCreated()).isEqualTo(4);
        assertThat(summary.written().relationsCreated()).isEqualTo(3);
        assertThat(count("MATCH (e:Entity) RETURN count(e)")).isEqualTo(4);
        assertThat(count("MATCH ()-[r:RELATION]->() RETURN count(r)")).isEqualTo(3);
        assertThat(count("MATCH (:Chunk)-[m:MENTIONS]->() RETURN count(m)")).isEqualTo(6);
        assertThat(count("MATCH (e:Entity {id: 'ridley scott'}) RETURN e.chunkCount")).isEqualTo(2);
        assertThat(count("MATCH (e:Entity {id: 'black hawk down'}) RETURN e.chunkCount")).isEqualTo(2);
        assertThat(count("MATCH (e:Entity) WHERE size(e.embedding) = 384 RETURN count(e)")).isEqualTo(4);
        assertThat(count("MATCH ()-[r:RELATION]->() WHERE size(r.embedding) = 384 RETURN count(r)")).isEqualTo(3);
        try (Session session = store.session()) {
            var r = session.run("""
                    MATCH (:Entity {id: 'ridley scott'})-[r:RELATION]->(:Entity {id: 'black hawk down'})
                    RETURN r.predicate AS p, r.chunkIds AS ids, r.weight AS w, startNode(r).name AS name""").single();
            assertThat(r.get("p").asString()).isEqualTo("directed");
            assertThat(r.get("ids").asList()).containsExactly("a#0");
            assertThat(r.get("w").asLong()).isEqualTo(1);
            assertThat(r.get("name").asString()).isEqualTo("Ridley Scott");
        }
        assertThat(embedder.embeddedTexts()).contains("(Ridley Scott, directed, Black Hawk Down)", "Mark Bowden");
        assertThat(summary.written().embedded().names()).as("every new entity name, once").isEqualTo(4);
        assertThat(summary.written().embedded().facts()).as("every new fact, once").isEqualTo(3);
        assertThat(embedder.embeddedTexts()).hasSize(7);
        assertThat(summary.timings().resolvers()).containsOnlyKeys("name mentions", "synonyms");
        assertThat(summary.timings().write()).isGreaterThan(summary.timings().embedding()).isPositive();
    }

    @Test
    void aFactStatedAgainAddsProvenanceAndEmbedsNothingNew() {
        writer.write(List.of(chunk("a#0", facts(t("Ridley Scott", "directed", "Black Hawk Down")))));
        embedder.reset();
        GraphStats before = GraphStats.collect(store);

        writer.write(List.of(chunk("a#0", facts(t("Ridley Scott", "directed", "Black Hawk Down")))));
        assertThat(GraphStats.collect(store).relationshipsByType()).isEqualTo(before.relationshipsByType());
        assertThat(embedder.embeddedTexts()).as("nothing new, nothing embedded").isEmpty();

        KnowledgeStage.Result summary = writer.write(
                List.of(chunk("b#0", facts(t("Ridley Scott", "directed", "Black Hawk Down")))));
        assertThat(summary.written().relationsCreated()).isZero();
        assertThat(embedder.embeddedTexts()).isEmpty();
        assertThat(summary.written().embedded()).isEqualTo(new KnowledgeWriteSummary.Embedded(0, 0, 0));
        try (Session session = store.session()) {
            var r = session.run("MATCH ()-[r:RELATION]->() RETURN r.chunkIds AS ids, r.weight AS w").single();
            assertThat(r.get("ids").asList()).containsExactly("a#0", "b#0");
            assertThat(r.get("w").asLong()).isEqualTo(2);
        }
        assertThat(count("MATCH (e:Entity {id: 'ridley scott'}) RETURN e.chunkCount")).isEqualTo(2);
    }

    @Test
    void onlyNewEntitiesAreEmbedded() {
        writer.write(List.of(chunk("a#0", facts(t("Ridley Scott", "directed", "Black Hawk Down")))));
        embedder.reset();
        writer.write(List.of(chunk("b#0", facts(t("Ridley Scott", "directed", "Gladiator")))));
        assertThat(embedder.embeddedTexts()).containsExactly("Gladiator", "(Ridley Scott, directed, Gladiator)");
    }

    @Test
    void similarEntitiesBecomeSynonymsAndDissimilarOnesDoNot() {
        writer.write(List.of(chunk("a#0", facts(t("Barack Obama", "born in", "Honolulu")))));
        // two of three words shared: cosine about 0.82 with the hashed embedder
        KnowledgeStage.Result summary = writer.write(
                List.of(chunk("b#0", facts(), "Barack Hussein Obama", "Quentin Tarantino")));

        assertThat(summary.synonymsCreated()).isEqualTo(1);
        try (Session session = store.session()) {
            var r = session.run("""
                    MATCH (a:Entity)-[s:SYNONYM]-(b:Entity)
                    RETURN a.id AS a, b.id AS b, s.score AS score ORDER BY a LIMIT 1""").single();
            assertThat(List.of(r.get("a").asString(), r.get("b").asString()))
                    .containsExactlyInAnyOrder("barack obama", "barack hussein obama");
            assertThat(r.get("score").asDouble()).isBetween(0.8, 1.0);
        }
        assertThat(count("MATCH ()-[s:SYNONYM]->() RETURN count(s)")).isEqualTo(1);
        assertThat(count("MATCH (e)-[:SYNONYM]-(e) RETURN count(*)")).isZero();
        assertThat(count("MATCH (:Entity {id: 'quentin tarantino'})-[s:SYNONYM]-() RETURN count(s)")).isZero();
    }

    @Test
    void theThresholdIsConfigurable() {
        stage(0.95, true).write(List.of(chunk("a#0", facts(), "Barack Obama")));
        stage(0.95, true).write(List.of(chunk("b#0", facts(), "Barack Hussein Obama")));
        assertThat(count("MATCH ()-[s:SYNONYM]->() RETURN count(s)")).isZero();
    }

    @Test
    void emptyKnowledgeWritesNothing() {
        KnowledgeWriteSummary written = writer.write(List.of(new ChunkKnowledge("a#0", List.of(), List.of()))).written();
        assertThat(List.of(written.entitiesCreated(), written.relationsCreated(), written.mentions(), written.facts()))
                .containsOnly(0);
        assertThat(count("MATCH (e:Entity) RETURN count(e)", Map.of())).isZero();
    }

    @Test
    void aChunkIsLinkedToEntitiesItsTextNamesWithoutATriple() {
        writer.write(List.of(chunk("b#0", facts(t("Ridley Scott", "directed", "Gladiator")))));
        // a#0 says "Ridley Scott directed Black Hawk Down." but its extractor found nothing
        writer.write(List.of(chunk("a#0", facts())));

        assertThat(count("MATCH (:Chunk {id: 'a#0'})-[:MENTIONS]->(:Entity {id: 'ridley scott'}) RETURN count(*)"))
                .isEqualTo(1);
        assertThat(count("MATCH (e:Entity {id: 'ridley scott'}) RETURN e.chunkCount")).isEqualTo(2);
    }

    @Test
    void aNewEntityIsLinkedToOlderChunksNamingIt() {
        writer.write(List.of(chunk("a#0", facts()), chunk("a#1", facts())));
        writer.write(List.of(chunk("b#0", facts(t("Ridley Scott", "directed", "Gladiator")))));

        assertThat(count("MATCH (c:Chunk)-[:MENTIONS]->(:Entity {id: 'ridley scott'}) RETURN count(c)")).isEqualTo(2);
        assertThat(count("MATCH (:Chunk {id: 'a#1'})-[:MENTIONS]->(:Entity {id: 'ridley scott'}) RETURN count(*)"))
                .isZero();
        assertThat(count("MATCH (e:Entity {id: 'ridley scott'}) RETURN e.chunkCount")).isEqualTo(2);
    }

    @Test
    void lowerCaseWordsAndCommonNamesAreNotLinked() {
        String[] many = new String[NameMentionLinker.MAX_CHUNKS + 1];
        java.util.Arrays.fill(many, "Mark Bowden wrote again.");
        new DocumentWriter(store).write(List.of(doc("c", "C", "A book about Gladiator."), doc("many", "Many", many)));
        writer.write(List.of(chunk("c#0", facts()), chunk("many#0", facts())));
        // "book" is written lower-case in c#0; Mark Bowden is named in more chunks than a name may link
        writer.write(List.of(chunk("a#1", facts(t("Mark Bowden", "wrote", "book")))));

        assertThat(count("MATCH (:Chunk {id: 'c#0'})-[:MENTIONS]->(:Entity {id: 'book'}) RETURN count(*)")).isZero();
        assertThat(count("MATCH (c:Chunk)-[:MENTIONS]->(:Entity {id: 'mark bowden'}) RETURN count(c)")).isEqualTo(1);
    }

    @Test
    void namesFullOfQuerySyntaxOrStopWordsAreLinkedOrSkippedWithoutFailing() {
        new DocumentWriter(store).write(List.of(doc("d", "D", "The The played after AC/DC and \"Weird\" Al (live) OR NOT*.")));
        writer.write(List.of(chunk("d#0", facts())));
        writer.write(List.of(chunk("b#0", facts(t("The The", "toured with", "AC/DC"), t("\"Weird\" Al", "met", "OR NOT*")))));

        assertThat(count("MATCH (:Chunk {id: 'd#0'})-[:MENTIONS]->(:Entity {name: 'AC/DC'}) RETURN count(*)")).isEqualTo(1);
        assertThat(count("MATCH (e:Entity) RETURN count(e)")).isEqualTo(4);
    }

    @Test
    void nameLinkingCanBeTurnedOff() {
        KnowledgeStage plain = stage(SynonymLinker.DEFAULT_THRESHOLD, false);
        plain.write(List.of(chunk("b#0", facts(t("Ridley Scott", "directed", "Gladiator")))));
        plain.write(List.of(chunk("a#0", facts())));

        assertThat(count("MATCH (c:Chunk)-[:MENTIONS]->(:Entity {id: 'ridley scott'}) RETURN count(c)")).isEqualTo(1);
    }

    @Test
    void candidateNamesStartAtCapitalisedWords() {
        assertThat(new NameMentionLinker(store).candidateNames("Blood Street is a film by Leo Fong."))
                .contains("blood street", "blood street is a film by", "leo fong", "leo", "fong")
                .doesNotContain("film", "is a film", "a film by leo fong");
    }

    private static KnowledgeStage stage(double synonymThreshold, boolean nameMentions) {
        List<Resolver> resolvers = nameMentions
                ? List.of(new NameMentionResolver(store), new SynonymResolver(store, synonymThreshold))
                : List.of(new SynonymResolver(store, synonymThreshold));
        return new KnowledgeStage(new KnowledgeWriter(store, embedder), resolvers);
    }
}
