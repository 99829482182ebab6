package dev.engram.ingest.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.extraction.document.DocumentLoader;
import dev.engram.extraction.document.TokenChunker;
import dev.engram.extraction.embedding.OnnxBgeEmbedder;
import dev.engram.extraction.triples.RuleTripleExtractor;
import dev.engram.ingest.DocumentSource;
import dev.engram.ingest.IngestListener;
import dev.engram.ingest.IngestOptions;
import dev.engram.ingest.IngestPipeline;
import dev.engram.records.document.ContentHash;
import dev.engram.store.knowledge.SynonymLinker;
import dev.engram.store.knowledge.SynonymRebuilder;
import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.neo4j.StoreConfig;
import dev.engram.store.schema.SchemaManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

/**
 * {@code engram synonyms --rebuild} makes the SYNONYM edges a function of the entities alone: the same corpus
 * ingested in two document orders (and batch sizes) into two stores, with the real model and the standard pipeline
 * (whose linker joins each new entity to its nearest entities as they stand when it arrives), ends with the same
 * SYNONYM edges — direction and score — once each store is rebuilt. A second rebuild writes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SynonymRebuildTest {
    @TempDir static Path dir;
    private OnnxBgeEmbedder embedder;
    private Path forward;
    private Path backward;

    @BeforeAll
    void corpusInTwoOrders() throws Exception {
        // many near-identical names (Harbour 3, Harbour 4...): more candidates than the linker's 10, so which of
        // them an entity gets joined to depends on who had arrived before it
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            lines.add(String.format("{\"id\": \"doc-%d\", \"title\": \"Harbour %d\", \"text\": \"Harbour %d is a film "
                    + "directed by Person %d. Harbour %d was produced by Studio %d. Person %d was born in Springfield "
                    + "%d.\"}", i, i, i, i % 12, i, i % 4, i % 12, i % 3));
        }
        forward = dir.resolve("forward.jsonl");
        Files.write(forward, lines);
        List<String> reversed = new ArrayList<>(lines);
        Collections.reverse(reversed);
        backward = dir.resolve("backward.jsonl");
        Files.write(backward, reversed);
        // batch 1: a name's vector never depends on which other names share its ONNX run
        embedder = OnnxBgeEmbedder.create(OnnxBgeEmbedder.Config.defaults().withBatchSize(1));
    }

    @AfterAll
    void close() {
        embedder.close();
    }

    @Test
    void twoDocumentOrdersGiveTheSameSynonymEdgesAfterTheRebuild() {
        try (GraphStore a = ingest("a", forward, 10); GraphStore b = ingest("b", backward, 7)) {
            assertThat(count(a, "MATCH (e:Entity) RETURN count(e)")).isEqualTo(count(b, "MATCH (e:Entity) RETURN count(e)"))
                    .isGreaterThan(40);
            // the pipeline's own edges as they came differ between the orders (measured: 214 in order, 228 reversed,
            // 57 in common): the equality below is the rebuild's doing, not the corpus's
            System.out.printf("linker edges: %d in order, %d reversed, %d in common%n", synonyms(a).size(),
                    synonyms(b).size(), common(synonyms(a), synonyms(b)));
            assertThat(synonyms(a)).as("without the rebuild").isNotEqualTo(synonyms(b));

            SynonymRebuilder.Result ra = SynonymRebuilder.standard(a).rebuild(SynonymRebuilder.Progress.NONE);
            SynonymRebuilder.Result rb = new SynonymRebuilder(b, SynonymLinker.DEFAULT_THRESHOLD, 3)
                    .rebuild(SynonymRebuilder.Progress.NONE);
            assertThat(ra.entities()).isEqualTo(rb.entities());
            assertThat(ra.edges()).isPositive();
            TreeSet<String> edgesA = synonyms(a);
            assertThat(edgesA).hasSize(ra.edges());
            assertThat(synonyms(b)).isEqualTo(edgesA);

            // every edge is at least the threshold, in one direction
            try (Session s = a.session()) {
                assertThat(s.run("MATCH ()-[y:SYNONYM]->() WHERE y.score < 0.8 RETURN count(y)").single().get(0).asLong()).isZero();
                assertThat(s.run("MATCH (x)-[y:SYNONYM]->(z) WHERE x.id >= z.id RETURN count(y)").single().get(0).asLong())
                        .as("edges point from the lower id to the higher").isZero();
            }

            // idempotent: nothing to change the second time
            SynonymRebuilder.Result again = SynonymRebuilder.standard(a).rebuild(SynonymRebuilder.Progress.NONE);
            assertThat(again.created()).isZero();
            assertThat(again.deleted()).isZero();
            assertThat(synonyms(a)).isEqualTo(edgesA);
        }
    }

    /**
     * With {@code --synonyms at-end} no rebuild is needed, even at the default embed batch of 64 where a name's vector
     * depends on the names sharing its ONNX run: the run's names are embedded after its last batch, in id order,
     * so the same corpus in two orders and batch sizes gives the same vectors, SYNONYM edges and name mentions.
     */
    @Test
    void atTheEndTwoOrdersGiveTheSameGraphAtTheDefaultEmbedBatch() {
        try (OnnxBgeEmbedder batched = OnnxBgeEmbedder.create(OnnxBgeEmbedder.Config.defaults().withBatchSize(64));
             GraphStore a = ingest("c", forward, 10, batched, SynonymMode.AT_END);
             GraphStore b = ingest("d", backward, 7, batched, SynonymMode.AT_END)) {
            assertThat(synonyms(a)).hasSizeGreaterThan(40).isEqualTo(synonyms(b));
            assertThat(mentions(a)).hasSizeGreaterThan(100).isEqualTo(mentions(b));
            assertThat(vectors(a)).isEqualTo(vectors(b));
        }
    }

    private GraphStore ingest(String name, Path corpus, int batch) {
        return ingest(name, corpus, batch, embedder, SynonymMode.PER_BATCH);
    }

    private GraphStore ingest(String name, Path corpus, int batch, OnnxBgeEmbedder with, SynonymMode synonyms) {
        GraphStore store = GraphStore.open(StoreConfig.embedded(dir.resolve(name), 0));
        new SchemaManager(store).ensure(with);
        TokenChunker chunker = new TokenChunker(with.tokenizer());
        new IngestPipeline(store, with, chunker::chunk, ContentHash::of, new RuleTripleExtractor(),
                new IngestOptions(batch, null, List.of(), synonyms))
                .run(DocumentSource.files(new DocumentLoader(), List.of(corpus)), IngestListener.NONE);
        return store;
    }

    private static TreeSet<String> mentions(GraphStore store) {
        TreeSet<String> out = new TreeSet<>();
        try (Session s = store.session()) {
            s.run("MATCH (c:Chunk)-[:MENTIONS]->(e:Entity) RETURN c.id + ' ' + e.id + ' ' + e.chunkCount AS line")
                    .forEachRemaining(r -> out.add(r.get("line").asString()));
        }
        return out;
    }

    // every entity vector's bits, as one digest per entity
    private static TreeSet<String> vectors(GraphStore store) {
        TreeSet<String> out = new TreeSet<>();
        try (Session s = store.session()) {
            s.run("MATCH (e:Entity) RETURN e.id AS id, e.embedding AS v").forEachRemaining(r -> {
                StringBuilder bits = new StringBuilder(r.get("id").asString()).append(' ');
                r.get("v").asList(x -> x.asFloat()).forEach(x -> bits.append(Integer.toHexString(Float.floatToIntBits(x))));
                out.add(bits.toString());
            });
        }
        return out;
    }

    /** Every SYNONYM edge as "from -> to score" (score to 5 places). */
    static TreeSet<String> synonyms(GraphStore store) {
        TreeSet<String> out = new TreeSet<>();
        try (Session s = store.session()) {
            s.run("MATCH (x:Entity)-[y:SYNONYM]->(z:Entity) RETURN x.id AS x, z.id AS z, y.score AS score")
                    .forEachRemaining(r -> out.add(String.format("%s -> %s %.5f", r.get("x").asString(),
                            r.get("z").asString(), r.get("score").asDouble())));
        }
        return out;
    }

    private static int common(TreeSet<String> x, TreeSet<String> y) {
        TreeSet<String> both = new TreeSet<>(x);
        both.retainAll(y);
        return both.size();
    }

    private static long count(GraphStore store, String cypher) {
        try (Session s = store.session()) {
            return s.run(cypher, Map.of()).single().get(0).asLong();
        }
    }
}
