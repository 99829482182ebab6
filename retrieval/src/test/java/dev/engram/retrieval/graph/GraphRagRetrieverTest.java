package dev.engram.retrieval.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.records.document.ContentHash;
import dev.engram.extraction.document.DocumentLoader;
import dev.engram.extraction.document.TokenChunker;
import dev.engram.extraction.embedding.OnnxBgeEmbedder;
import dev.engram.extraction.query.QueryEntityExtractor;
import dev.engram.extraction.triples.RuleTripleExtractor;
import dev.engram.retrieval.Bm25Retriever;
import dev.engram.retrieval.DenseRetriever;
import dev.engram.retrieval.EndToEndStore;
import dev.engram.retrieval.HybridRetriever;
import dev.engram.retrieval.Mode;
import dev.engram.retrieval.RankedPassage;
import dev.engram.retrieval.RetrievalRequest;
import dev.engram.retrieval.RetrievalResult;
import dev.engram.retrieval.Retriever;
import dev.engram.retrieval.Seed;
import dev.engram.retrieval.VerbalizedPath;
import dev.engram.retrieval.Weighting;
import dev.engram.retrieval.fusion.ReciprocalRankFusion;
import dev.engram.retrieval.linking.FactLinker;
import dev.engram.retrieval.linking.MentionLinker;
import dev.engram.retrieval.linking.NameLinker;
import dev.engram.store.delete.DocumentDeleter;
import dev.engram.ingest.DocumentSource;
import dev.engram.ingest.IngestListener;
import dev.engram.ingest.IngestOptions;
import dev.engram.ingest.IngestPipeline;
import dev.engram.store.lookup.ChunkLookup;
import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.projection.GraphProjector;
import dev.engram.store.projection.ProjectionWeights;
import dev.engram.ingest.rdf.RdfImporter;
import dev.engram.store.search.AccessFilter;
import dev.engram.store.search.ChunkSearch;
import dev.engram.store.search.EntitySearch;
import dev.engram.store.search.FactSearch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GraphRAG retrieval end to end on HippoRAG's movies case study: real Neo4j, real model, rule extraction. */
class GraphRagRetrieverTest {
    private static final QueryEntityExtractor QUERY_ENTITIES = new QueryEntityExtractor();

    @TempDir static Path dir;
    static EndToEndStore ingested;
    static GraphStore store;
    static OnnxBgeEmbedder embedder;
    static ProjectionCache projections;
    static GraphRagRetriever graphrag;
    static IngestPipeline publicIngest;

    @BeforeAll
    static void ingestMovies() throws IOException {
        Path corpus = dir.resolve("movies.jsonl");
        try (InputStream in = GraphRagRetrieverTest.class.getResourceAsStream("/movies.jsonl")) {
            Files.copy(in, corpus);
        }
        ingested = EndToEndStore.open(dir.resolve("db"));
        store = ingested.store();
        embedder = ingested.embedder();
        publicIngest = ingested.ruleIngest();
        publicIngest.run(files(corpus), IngestListener.NONE);
        projections = new ProjectionCache(new GraphProjector(store, ProjectionWeights.DEFAULTS));
        graphrag = retriever(GraphRagSettings.DEFAULTS);
    }

    static GraphRagRetriever retriever(GraphRagSettings settings) {
        return new GraphRagRetriever(embedder, new ChunkSearch(store), new FactLinker(new FactSearch(store)),
                new MentionLinker(QUERY_ENTITIES::extract, embedder, new EntitySearch(store)),
                new NameLinker(QUERY_ENTITIES::extract), new ChunkLookup(store), projections, settings);
    }

    static DocumentSource files(Path file) {
        return DocumentSource.files(new DocumentLoader(), List.of(file));
    }

    @AfterAll
    static void close() {
        if (ingested != null) {
            ingested.close();
        }
    }

    @Test
    void pathLinksRidleyScottAndBlackHawkDownWithCitations() {
        RetrievalResult result = graphrag.retrieve(
                new RetrievalRequest("Who directed Black Hawk Down?", Mode.GRAPHRAG, 5, AccessFilter.ALL));

        assertThat(result.passages()).extracting(RankedPassage::documentId).contains("case-movies-00000");
        assertThat(result.seeds()).isNotEmpty();
        VerbalizedPath path = result.paths().stream()
                .filter(p -> p.text().contains("Ridley Scott") && p.text().contains("Black Hawk Down"))
                .findFirst().orElseThrow(() -> new AssertionError("no path links the two: " + result.paths()));
        assertThat(path.text()).containsAnyOf("→", "←");
        assertThat(path.chunkIds()).contains("case-movies-00000#0");
    }

    @Test
    void anEntityTheQuestionNamesExactlyIsASeedUnlessNameSeedsAreOff() {
        String q = "Who produced Black Hawk Down?";
        RetrievalResult named = retriever(GraphRagSettings.DEFAULTS.toBuilder().nameWeight(1.0).build())
                .retrieve(new RetrievalRequest(q, Mode.PPR, 5, AccessFilter.ALL));
        assertThat(named.seeds()).filteredOn(s -> s.via().contains("name:"))
                .extracting(Seed::entityId).contains("black hawk down");

        RetrievalResult unnamed = retriever(GraphRagSettings.DEFAULTS.toBuilder().nameWeight(0).build())
                .retrieve(new RetrievalRequest(q, Mode.PPR, 5, AccessFilter.ALL));
        assertThat(unnamed.seeds()).noneMatch(s -> s.via().contains("name:"));
    }

    @Test
    void pprModeRanksChunksByGraphAloneAndEveryModeAnswers() {
        String q = "which war film based on a non-fiction book was directed by the one who is famous for science fiction and crime genres";
        DenseRetriever dense = new DenseRetriever(embedder, new ChunkSearch(store));
        Bm25Retriever bm25 = new Bm25Retriever(new ChunkSearch(store));
        Map<Mode, Retriever> modes = Map.of(Mode.DENSE, dense, Mode.BM25, bm25,
                Mode.HYBRID, new HybridRetriever(dense, bm25, new ReciprocalRankFusion(60), 50),
                Mode.PPR, graphrag, Mode.GRAPHRAG, graphrag);
        modes.forEach((mode, retriever) -> {
            RetrievalResult r = retriever.retrieve(new RetrievalRequest(q, mode, 8, AccessFilter.ALL));
            assertThat(r.passages()).as(mode.id()).hasSize(8);
            assertThat(r.passages()).as(mode.id()).extracting(RankedPassage::chunkId).doesNotHaveDuplicates();
        });
        RetrievalResult ppr = graphrag.retrieve(new RetrievalRequest(q, Mode.PPR, 8, AccessFilter.ALL));
        assertThat(ppr.passages()).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        assertThat(ppr.timingsMillis()).containsKeys("embed", "link", "ppr", "rank", "paths", "total");
    }

    @Test
    void graphragWeighsTheGraphPerQuestionAndSaysWhy() {
        RetrievalResult r = graphrag.retrieve(new RetrievalRequest(
                "which war film based on a non-fiction book was directed by the one who is famous for science fiction "
                        + "and crime genres", Mode.GRAPHRAG, 5, AccessFilter.ALL));
        Weighting w = r.weighting();
        assertThat(w).isNotNull();
        assertThat(w.graphShare()).isBetween(EvidenceWeighting.LOW, EvidenceWeighting.HIGH);
        assertThat(w.reason()).startsWith("adaptive");
        assertThat(w.signals()).containsKeys("graphTopShare", "agreement", "nameShare");
        assertThat(w.bridgeShare()).isEqualTo(EvidenceWeighting.BRIDGE);
        assertThat(w.bridgeChunks()).hasSize(EvidenceWeighting.BRIDGE_TOP)
                .allSatisfy(id -> assertThat(projections.engine().projection().node(id)).isNotNegative());
        // the seeds carry weight and name things: no zero-weight fact, no bare number
        assertThat(r.seeds()).allSatisfy(s -> {
            assertThat(s.weight()).isPositive();
            assertThat(dev.engram.retrieval.linking.SeedFilter.numeric(s.name())).isFalse();
        });
        assertThat(r.timingsMillis()).containsKey("bridge");
        // graph-only mode is untouched by the weighting
        assertThat(graphrag.retrieve(new RetrievalRequest("Who directed Black Hawk Down?", Mode.PPR, 5,
                AccessFilter.ALL)).weighting()).isNull();
    }


    @Test
    void theSecondRoundFollowsTheFactsThatSayWhatTheQuestionAsks() {
        String q = "which war film based on a non-fiction book was directed by the one who is famous for science "
                + "fiction and crime genres";
        RetrievalResult r = graphrag.retrieve(new RetrievalRequest(q, Mode.GRAPHRAG, 5, AccessFilter.ALL));
        List<String> facts = r.weighting().bridgeFacts();
        // the top passages' facts whose predicate says "directed" lead on to who directed: entities the question
        // does not name and the first round did not seed
        assertThat(facts).isNotEmpty().anySatisfy(f -> assertThat(f).contains("—directed"));
        List<String> seedNames = r.seeds().stream().map(Seed::name).toList();
        assertThat(facts).allSatisfy(f -> assertThat(seedNames).doesNotContain(f.substring(0, f.indexOf(" ("))));
        // without bridge-fact mass the second round restarts from the passages alone and lists no bridge
        GraphRagRetriever passagesOnly = retriever(GraphRagSettings.DEFAULTS.toBuilder()
                .weighting(EvidenceWeighting.DEFAULTS.withBridgeFacts(0)).build());
        assertThat(passagesOnly.retrieve(new RetrievalRequest(q, Mode.GRAPHRAG, 5, AccessFilter.ALL)).weighting()
                .bridgeFacts()).isEmpty();
    }

    @Test
    void importedRdfEntitiesAreLinkedAndRetrieved() throws IOException {
        Path ttl = dir.resolve("scientists.ttl");
        try (InputStream in = GraphRagRetrieverTest.class.getResourceAsStream("/rdf/scientists.ttl")) {
            Files.copy(in, ttl);
        }
        new RdfImporter(store, embedder).importFile(ttl);
        projections.invalidate();
        try {
            RetrievalResult result = graphrag.retrieve(new RetrievalRequest(
                    "Which engine is the mathematician Ada Lovelace known for?", Mode.GRAPHRAG, 5, AccessFilter.ALL));
            assertThat(result.seeds()).extracting(Seed::entityId).contains("ada lovelace");
            assertThat(result.passages()).extracting(RankedPassage::documentId).contains("rdf:scientists.ttl");
            assertThat(result.passages()).anySatisfy(p -> assertThat(p.text()).contains("Ada Lovelace"));
        } finally {
            new DocumentDeleter(store).delete("rdf:scientists.ttl");
            projections.invalidate();
        }
    }

    @Test
    void aHiddenTenantNeverLeaksThroughPassagesSeedsOrPaths() throws IOException {
        Path secret = dir.resolve("secret.jsonl");
        Files.writeString(secret, """
                {"id": "secret-1", "title": "Zorblax Quintar", "text": "Zorblax Quintar is a secret film directed by Ridley Scott in 2031. Zorblax Quintar was filmed on the moon."}
                """);
        IngestPipeline tenantB = new IngestPipeline(store, embedder, new TokenChunker(embedder.tokenizer())::chunk,
                ContentHash::of, new RuleTripleExtractor(), new IngestOptions(8, "b", List.of()));
        tenantB.run(files(secret), IngestListener.NONE);
        projections.invalidate();
        try {
            String q = "Which secret film did Ridley Scott direct on the moon, Zorblax Quintar?";
            RetrievalResult asB = graphrag.retrieve(new RetrievalRequest(q, Mode.GRAPHRAG, 5, new AccessFilter("b", List.of())));
            assertThat(asB.passages()).extracting(RankedPassage::documentId).contains("secret-1");

            RetrievalResult asA = graphrag.retrieve(new RetrievalRequest(q, Mode.GRAPHRAG, 10, new AccessFilter("a", List.of())));
            assertThat(asA.passages()).extracting(RankedPassage::documentId).doesNotContain("secret-1");
            assertThat(asA.passages()).allSatisfy(p -> assertThat(p.text()).doesNotContainIgnoringCase("zorblax"));
            assertThat(asA.seeds()).extracting(Seed::name).noneMatch(n -> n.toLowerCase().contains("zorblax"));
            assertThat(asA.paths()).allSatisfy(p -> {
                assertThat(p.text()).doesNotContainIgnoringCase("zorblax");
                assertThat(p.chunkIds()).doesNotContain("secret-1#0");
            });
        } finally {
            new DocumentDeleter(store).delete("secret-1");
            projections.invalidate();
        }
        assertThat(projections.engine().projection().node("secret-1#0")).isEqualTo(-1);
    }
}
