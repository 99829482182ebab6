package dev.engram.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.ingest.knowledge.SynonymMode;
import dev.engram.records.document.ContentHash;
import dev.engram.records.document.LoadProblem;
import dev.engram.records.document.SourceDocument;
import dev.engram.records.document.TextChunk;
import dev.engram.records.triples.Triple;
import dev.engram.store.knowledge.SynonymRebuilder;
import dev.engram.store.lexical.DocumentWriter;
import dev.engram.store.testing.Docs;
import dev.engram.store.testing.StoreTestBase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

/**
 * The pipeline embeds a batch's new entity names and facts while the previous batch is still being written, so a
 * name new in two consecutive batches must be embedded once (by the first), yet end up with its vector; and when
 * the first batch drops knowledge (another tenant owns one of its documents) the second must still create what it
 * borrowed. The graph must not depend on how documents fall into batches.
 */
class EmbedOnceIngestTest extends StoreTestBase {

    // each document shares its subject with the next and its object with every third: names recur across batches;
    // the twelve people's names share five of six words (cosine 5/6 with the hash embedder), so each has eleven
    // synonym candidates, more than the linker's ten
    private static final String PERSON = "Sir Arthur Conan Edward Doyle ";

    private static List<SourceDocument> corpus() {
        List<SourceDocument> docs = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            docs.add(new SourceDocument("d" + i, "Title " + i, "c.jsonl",
                    PERSON + (i / 2) + " founded Company " + (i % 3) + ". " + PERSON + ((i + 1) / 2) + " visited Town "
                            + (i % 5) + ".", Map.of()));
        }
        return docs;
    }

    @Test
    void namesAndFactsNewInConsecutiveBatchesAreEmbeddedOnceAndAllGetVectors() {
        IngestReport report = pipeline(new IngestOptions(1, null, List.of())).run(DocumentSource.of(corpus()), IngestListener.NONE);

        assertThat(report.documentsWritten()).isEqualTo(24);
        long entities = count("MATCH (e:Entity) RETURN count(e)");
        long relations = count("MATCH ()-[r:RELATION]->() RETURN count(r)");
        assertThat(entities).isGreaterThan(30);
        assertThat(relations).isGreaterThan(30);
        assertThat(count("MATCH (e:Entity) WHERE e.embedding IS NULL RETURN count(e)")).isZero();
        assertThat(count("MATCH ()-[r:RELATION]->() WHERE r.embedding IS NULL RETURN count(r)")).isZero();
        // embedded exactly once each: no name or fact embedded by two batches
        assertThat(report.embedded().names()).isEqualTo(entities);
        assertThat(report.embedded().facts()).isEqualTo(relations);
        List<String> texts = embedder.embeddedTexts();
        assertThat(texts.stream().filter(t -> t.equals(PERSON + "3")).count()).isEqualTo(1);
    }

    @Test
    void theGraphIsTheSameWhateverTheBatchSize() {
        pipeline(new IngestOptions(1, null, List.of())).run(DocumentSource.of(corpus()), IngestListener.NONE);
        TreeSet<String> oneByOne = graph();
        clear();
        pipeline(new IngestOptions(24, null, List.of())).run(DocumentSource.of(corpus()), IngestListener.NONE);
        assertThat(graph()).isEqualTo(oneByOne);
    }

    @Test
    void aBatchThatDropsAnotherTenantsDocumentStillLeavesTheNextBatchItsEntities() {
        DocumentWriter writer = new DocumentWriter(store);
        writer.write(List.of(Docs.doc("owned", "Owned", "tenantA", List.of(), "Tenant A's text.")));
        writer.markComplete(List.of("owned"));
        // batch 1 is A's id (refused for B) and is the first to name Quillon; batch 2 names it too and was prepared
        // trusting batch 1 to create it
        List<SourceDocument> docs = List.of(
                new SourceDocument("owned", "Owned", "b.jsonl", "Quillon founded Harrowgate.", Map.of()),
                new SourceDocument("b-1", "Velmora", "b.jsonl", "Quillon founded Harrowgate.", Map.of()));
        List<LoadProblem> problems = new ArrayList<>();
        pipeline(new IngestOptions(1, "tenantB", List.of())).run(DocumentSource.of(docs), new IngestListener() {
            @Override
            public void problem(LoadProblem problem) {
                problems.add(problem);
            }
        });

        assertThat(problems).extracting(LoadProblem::file).containsExactly("owned");
        assertThat(count("MATCH (:Chunk {documentId: 'b-1'})-[:MENTIONS]->(e:Entity {id: 'quillon'}) "
                + "WHERE e.embedding IS NOT NULL RETURN count(e)")).isEqualTo(1);
        assertThat(count("MATCH (:Entity {id: 'quillon'})-[r:RELATION]->(:Entity {id: 'harrowgate'}) "
                + "WHERE r.embedding IS NOT NULL AND r.chunkIds = ['b-1#0'] RETURN count(r)")).isEqualTo(1);
        assertThat(count("MATCH (:Chunk {documentId: 'owned'})-[:MENTIONS]->() RETURN count(*)")).isZero();
    }

    @Test
    void aChangedDocumentKeepsTheEntitiesOnlyItsOldVersionNamed() {
        // the batch is prepared while Quillon is still in the graph; replacing the document deletes Quillon (nothing
        // else names it) just before the batch's knowledge is written
        pipeline(new IngestOptions(1, null, List.of())).run(DocumentSource.of(List.of(
                new SourceDocument("x", "X", "c.jsonl", "Quillon founded Harrowgate.", Map.of()))), IngestListener.NONE);
        pipeline(new IngestOptions(1, null, List.of())).run(DocumentSource.of(List.of(
                new SourceDocument("x", "X", "c.jsonl", "Quillon founded Harrowgate. Quillon visited Town 9.", Map.of()))),
                IngestListener.NONE);
        assertThat(count("MATCH (:Chunk {id: 'x#0'})-[:MENTIONS]->(e:Entity) WHERE e.id IN ['quillon', 'harrowgate'] "
                + "AND e.embedding IS NOT NULL RETURN count(e)")).isEqualTo(2);
        assertThat(count("MATCH (:Entity {id: 'quillon'})-[r:RELATION]->() WHERE r.embedding IS NOT NULL "
                + "RETURN count(r)")).isEqualTo(2);
    }

    @Test
    void atTheEndGivesWhatARebuildAfterPerBatchLinkingGives() {
        pipeline(new IngestOptions(4, null, List.of(), SynonymMode.NONE)).run(DocumentSource.of(corpus()), IngestListener.NONE);
        assertThat(count("MATCH ()-[s:SYNONYM]->() RETURN count(s)")).isZero();
        clear();
        List<SourceDocument> reversed = new ArrayList<>(corpus());
        Collections.reverse(reversed);
        pipeline(new IngestOptions(3, null, List.of(), SynonymMode.PER_BATCH)).run(DocumentSource.of(reversed), IngestListener.NONE);
        TreeSet<String> perBatch = synonyms();
        SynonymRebuilder.standard(store).rebuild(SynonymRebuilder.Progress.NONE);
        TreeSet<String> rebuilt = synonyms();
        clear();
        IngestReport atEnd = pipeline(new IngestOptions(4, null, List.of(), SynonymMode.AT_END))
                .run(DocumentSource.of(corpus()), IngestListener.NONE);

        System.out.printf("synonyms: %d per batch, %d rebuilt, %d in common%n", perBatch.size(), rebuilt.size(),
                perBatch.stream().filter(rebuilt::contains).count());
        assertThat(rebuilt).hasSizeGreaterThan(20);
        assertThat(synonyms()).isEqualTo(rebuilt);
        assertThat(atEnd.stages().get(StageTimes.Stage.END_OF_RUN)).isPositive();
        // the names were embedded once, after the last batch, and every entity has its vector
        assertThat(count("MATCH (e:Entity) WHERE e.embedding IS NULL RETURN count(e)")).isZero();
        assertThat(atEnd.embedded().names()).isEqualTo(count("MATCH (e:Entity) RETURN count(e)"));
        assertThat(atEnd.stages().get(StageTimes.Stage.END_NAME_EMBEDDING)).isPositive();
    }

    @Test
    void atTheEndAnEntityIsNamedByTheSpellingThatSortsFirstInAnyOrder() {
        List<SourceDocument> docs = List.of(
                new SourceDocument("p", "P", "c.jsonl", "Quillon group founded Harrowgate.", Map.of()),
                new SourceDocument("q", "Q", "c.jsonl", "Quillon group visited Town 3.", Map.of()),
                new SourceDocument("r", "R", "c.jsonl", "Quillon Group founded Velmora.", Map.of()));
        for (List<SourceDocument> order : List.of(docs, List.of(docs.get(2), docs.get(1), docs.get(0)))) {
            for (int batch : new int[] {1, 3}) {
                clear();
                pipeline(new IngestOptions(batch, null, List.of(), SynonymMode.AT_END)).run(DocumentSource.of(order), IngestListener.NONE);
                try (Session s = store.session()) {
                    assertThat(s.run("MATCH (e:Entity {id: 'quillon group'}) RETURN e.name").single().get(0).asString())
                            .as("batch " + batch + ", " + order.getFirst().id() + " first").isEqualTo("Quillon Group");
                }
            }
        }
    }

    @Test
    void autoRebuildsAtTheEndOfALargeRunAndLinksPerBatchForASmallAddition() {
        assertThat(SynonymMode.AUTO.resolve(1_500, 0, 0)).isEqualTo(SynonymMode.AT_END);
        assertThat(SynonymMode.AUTO.resolve(10, 6_000, 37_000)).isEqualTo(SynonymMode.PER_BATCH);
        assertThat(SynonymMode.AUTO.resolve(-1, 0, 0)).as("size unknown").isEqualTo(SynonymMode.PER_BATCH);
        assertThat(SynonymMode.AUTO.resolve(100_000, 0, 0)).as("too many entities to compare all pairs")
                .isEqualTo(SynonymMode.PER_BATCH);
        assertThat(SynonymMode.PER_BATCH.resolve(1_500, 0, 0)).isEqualTo(SynonymMode.PER_BATCH);

        IngestReport report = pipeline(new IngestOptions(4, null, List.of(), SynonymMode.AUTO))
                .run(DocumentSource.of(corpus()), IngestListener.NONE);
        assertThat(report.stages().get(StageTimes.Stage.END_OF_RUN)).as("into an empty store: at the end").isPositive();
        TreeSet<String> first = synonyms();
        IngestReport small = pipeline(new IngestOptions(4, null, List.of(), SynonymMode.AUTO)).run(DocumentSource.of(List.of(
                new SourceDocument("late", "Late", "c.jsonl", PERSON + "99 founded Company 7.", Map.of()))),
                IngestListener.NONE);
        assertThat(small.stages().get(StageTimes.Stage.END_OF_RUN)).as("one document into 24: per batch").isZero();
        assertThat(synonyms()).containsAll(first).hasSizeGreaterThan(first.size());
    }

    private static void clear() {
        try (Session s = store.session()) {
            s.run("MATCH (n) WHERE NOT n:EngramMeta DETACH DELETE n").consume();
        }
        embedder.reset();
    }

    private static TreeSet<String> synonyms() {
        TreeSet<String> out = new TreeSet<>();
        try (Session s = store.session()) {
            s.run("MATCH (x:Entity)-[y:SYNONYM]-(z:Entity) WHERE x.id < z.id RETURN x.id + ' ~ ' + z.id AS line")
                    .forEachRemaining(r -> out.add(r.get("line").asString()));
        }
        return out;
    }

    /** Entities, relations with their chunks, and mentions, as sorted lines. */
    private static TreeSet<String> graph() {
        TreeSet<String> out = new TreeSet<>();
        try (Session s = store.session()) {
            s.run("MATCH (e:Entity) RETURN e.id + ' ' + e.name + ' ' + e.chunkCount AS line")
                    .forEachRemaining(r -> out.add("E " + r.get("line").asString()));
            s.run("MATCH (a:Entity)-[r:RELATION]->(b:Entity) RETURN a.id + ' ' + r.predicate + ' ' + b.id + ' ' "
                    + "+ reduce(t = '', c IN r.chunkIds | t + c + ',') AS line")
                    .forEachRemaining(r -> out.add("R " + r.get("line").asString()));
            s.run("MATCH (c:Chunk)-[:MENTIONS]->(e:Entity) RETURN c.id + ' ' + e.id AS line")
                    .forEachRemaining(r -> out.add("M " + r.get("line").asString()));
        }
        return out;
    }

    private IngestPipeline pipeline(IngestOptions options) {
        return new IngestPipeline(store, embedder, d -> List.of(new TextChunk(d.id() + "#0", d.id(), 0, d.text(),
                d.text().split(" ").length, 0, d.text().length())), ContentHash::of,
                (title, text) -> triples(text), options);
    }

    // "X founded Y. Z visited W." → (X, founded, Y), (Z, visited, W)
    private static List<Triple> triples(String text) {
        List<Triple> out = new ArrayList<>();
        for (String sentence : text.split("\\. ?")) {
            for (String verb : List.of(" founded ", " visited ")) {
                int at = sentence.indexOf(verb);
                if (at > 0) {
                    out.add(new Triple(sentence.substring(0, at), verb.strip(), sentence.substring(at + verb.length())));
                }
            }
        }
        return Collections.unmodifiableList(out);
    }
}
