package dev.engram.retrieval.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.extraction.document.DocumentFixtures;
import dev.engram.extraction.document.DocumentLoader;
import dev.engram.extraction.document.TokenChunker;
import dev.engram.extraction.embedding.OnnxBgeEmbedder;
import dev.engram.extraction.query.QueryEntityExtractor;
import dev.engram.extraction.triples.RuleTripleExtractor;
import dev.engram.ingest.DocumentSource;
import dev.engram.ingest.IngestListener;
import dev.engram.ingest.IngestOptions;
import dev.engram.ingest.IngestPipeline;
import dev.engram.ingest.IngestReport;
import dev.engram.records.document.ContentHash;
import dev.engram.retrieval.DenseRetriever;
import dev.engram.retrieval.Mode;
import dev.engram.retrieval.RankedPassage;
import dev.engram.retrieval.RetrievalRequest;
import dev.engram.retrieval.RetrievalResult;
import dev.engram.retrieval.graph.GraphRagRetriever;
import dev.engram.retrieval.graph.GraphRagSettings;
import dev.engram.retrieval.graph.ProjectionCache;
import dev.engram.retrieval.linking.FactLinker;
import dev.engram.retrieval.linking.MentionLinker;
import dev.engram.retrieval.linking.NameLinker;
import dev.engram.store.delete.DocumentDeleter;
import dev.engram.store.lookup.ChunkLookup;
import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.neo4j.StoreConfig;
import dev.engram.store.projection.GraphProjector;
import dev.engram.store.projection.ProjectionWeights;
import dev.engram.store.rdf.RdfExporter;
import dev.engram.store.rdf.RdfFormat;
import dev.engram.store.schema.SchemaManager;
import dev.engram.store.search.AccessFilter;
import dev.engram.store.search.ChunkSearch;
import dev.engram.store.search.EntitySearch;
import dev.engram.store.search.FactSearch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

/**
 * A PDF and a Word file ingested for one tenant: their Section nodes and edges, the pages and section paths on chunks,
 * a question answered with the right page in its citation, sections hidden from another tenant (query and RDF export)
 * and removed with their document.
 */
class DocumentCitationTest {
    private static final QueryEntityExtractor QUERY_ENTITIES = new QueryEntityExtractor();
    private static final AccessFilter ACME = new AccessFilter("acme", List.of("staff"));
    private static final AccessFilter OTHER = new AccessFilter("other", List.of("staff"));

    @TempDir static Path dir;
    static GraphStore store;
    static OnnxBgeEmbedder embedder;
    static IngestReport report;

    @BeforeAll
    static void ingest() throws IOException {
        Path docs = Files.createDirectory(dir.resolve("docs"));
        DocumentFixtures.reportPdf(docs.resolve("report.pdf"));
        DocumentFixtures.docx(docs.resolve("manual.docx"));
        DocumentFixtures.encryptedPdf(docs.resolve("locked.pdf"));
        store = GraphStore.open(StoreConfig.embedded(dir.resolve("db"), 0));
        embedder = OnnxBgeEmbedder.create();
        new SchemaManager(store).ensure(embedder);
        // small chunks, so that each page of the small fixture is a chunk of its own
        TokenChunker chunker = new TokenChunker(embedder.tokenizer(), 24, 4);
        report = new IngestPipeline(store, embedder, chunker::chunk, ContentHash::of, new RuleTripleExtractor(),
                new IngestOptions(64, "acme", List.of("staff")))
                .run(DocumentSource.files(new DocumentLoader(), List.of(docs)), IngestListener.NONE);
    }

    @AfterAll
    static void close() {
        if (store != null) store.close();
        if (embedder != null) embedder.close();
    }

    private static List<Map<String, Object>> rows(String cypher, Map<String, Object> params) {
        try (Session s = store.session()) {
            return s.run(cypher, params).list(r -> r.asMap());
        }
    }

    @Test
    void badFileIsReportedAndTheOthersIngested() {
        assertThat(report.documentsWritten()).isEqualTo(2);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("locked.pdf");
            assertThat(p.message()).isEqualTo("encrypted (password-protected); cannot be read");
        });
    }

    @Test
    void sectionsAreNodesWithPartOfFirstAndInSection() {
        List<Map<String, Object>> sections = rows("""
                MATCH (s:Section {documentId: 'docs/report.pdf'})-[:PART_OF]->(parent)
                OPTIONAL MATCH (s)-[:FIRST]->(c:Chunk)
                RETURN s.title AS title, s.level AS level, s.tenant AS tenant, s.acl AS acl, s.pageStart AS page,
                       coalesce(parent.title, '') AS parent, labels(parent)[0] AS parentLabel, c.pageStart AS firstPage,
                       COUNT { (c)-[:IN_SECTION]->(s) } AS firstIsInside
                ORDER BY s.index
                """, Map.of());
        assertThat(sections).extracting(r -> r.get("title")).containsExactly("1 Introduction", "2 Results", "2.1 Revenue", "2.2 Costs");
        Map<String, Object> revenue = sections.get(2);
        assertThat(revenue).containsEntry("level", 2L).containsEntry("parent", "2 Results").containsEntry("parentLabel", "Section")
                .containsEntry("page", 3L).containsEntry("firstPage", 3L).containsEntry("firstIsInside", 1L)
                .containsEntry("tenant", "acme").containsEntry("acl", List.of("staff"));
        assertThat(sections.get(0)).containsEntry("parentLabel", "Document").containsEntry("parent", "Annual report 2025");

        List<Map<String, Object>> chunk = rows("""
                MATCH (c:Chunk {documentId: 'docs/report.pdf'})-[:IN_SECTION]->(s:Section)
                WHERE c.text CONTAINS '14 million'
                RETURN c.pageStart AS page, c.pageEnd AS pageEnd, c.sectionPath AS path, s.title AS section
                """, Map.of());
        assertThat(chunk).singleElement().satisfies(r -> assertThat(r).containsEntry("page", 3L).containsEntry("pageEnd", 3L)
                .containsEntry("path", List.of("2 Results", "2.1 Revenue")).containsEntry("section", "2.1 Revenue"));

        List<Map<String, Object>> word = rows("""
                MATCH (s:Section {documentId: 'docs/manual.docx'}) RETURN s.title AS title, s.path AS path ORDER BY s.index
                """, Map.of());
        assertThat(word).extracting(r -> r.get("path")).containsExactly(List.of("Overview"), List.of("Overview", "Scope"),
                List.of("Overview", "Scope", "Limits"), List.of("Methods"));
    }

    @Test
    void aQuestionOverThePdfCitesTheRightPage() {
        String question = "How much did revenue rise to in 2025?";
        GraphRagRetriever graphrag = new GraphRagRetriever(embedder, new ChunkSearch(store), new FactLinker(new FactSearch(store)),
                new MentionLinker(QUERY_ENTITIES::extract, embedder, new EntitySearch(store)),
                new NameLinker(QUERY_ENTITIES::extract), new ChunkLookup(store),
                new ProjectionCache(new GraphProjector(store, ProjectionWeights.DEFAULTS)), GraphRagSettings.DEFAULTS);
        for (RetrievalResult result : List.of(
                graphrag.retrieve(new RetrievalRequest(question, Mode.GRAPHRAG, 3, ACME)),
                new DenseRetriever(embedder, new ChunkSearch(store)).retrieve(new RetrievalRequest(question, Mode.DENSE, 3, ACME)))) {
            RankedPassage top = result.passages().getFirst();
            assertThat(top.text()).contains("14 million");
            assertThat(top.place().pageStart()).isEqualTo(3);
            AssembledContext context = new ContextAssembler(2000).assemble(result);
            assertThat(context.text()).contains("[1] Annual report 2025, p. 3, §2.1 Revenue\n");
            assertThat(context.citations().getFirst().label()).isEqualTo("[1] Annual report 2025, p. 3, §2.1 Revenue");
        }
        // another tenant sees no passage, so no citation either
        assertThat(new DenseRetriever(embedder, new ChunkSearch(store))
                .retrieve(new RetrievalRequest(question, Mode.DENSE, 3, OTHER)).passages()).isEmpty();
    }

    @Test
    void rdfExportCarriesSectionsOnlyForReaders() {
        String mine = export(ACME);
        assertThat(mine).contains("https://engram.dev/id/section/").contains("2.1 Revenue").contains("engram:inSection")
                .contains("engram:pageStart");
        String theirs = export(OTHER);
        assertThat(theirs).doesNotContain("https://engram.dev/id/section/").doesNotContain("Revenue");
    }

    private static String export(AccessFilter filter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RdfExporter(store).export(filter, RdfFormat.TURTLE, out, s -> {});
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void deletingADocumentRemovesItsSections() throws IOException {
        Path extra = DocumentFixtures.pptx(Files.createDirectories(dir.resolve("extra")).resolve("review.pptx"));
        new IngestPipeline(store, embedder, new TokenChunker(embedder.tokenizer())::chunk, ContentHash::of, null,
                new IngestOptions(64, "acme", List.of("staff")))
                .run(DocumentSource.files(new DocumentLoader(), List.of(extra)), IngestListener.NONE);
        assertThat(rows("MATCH (c:Chunk {documentId: 'review.pptx'}) RETURN c.pageStart AS p", Map.of())).isNotEmpty();
        Path md = Files.writeString(dir.resolve("extra/notes.md"), "# Notes\n\nSome notes.\n\n# More\n\nMore notes.\n");
        new IngestPipeline(store, embedder, new TokenChunker(embedder.tokenizer())::chunk, ContentHash::of, null,
                new IngestOptions(64, "acme", List.of("staff")))
                .run(DocumentSource.files(new DocumentLoader(), List.of(md)), IngestListener.NONE);
        assertThat(rows("MATCH (s:Section {documentId: 'notes.md'}) RETURN s.id AS id", Map.of())).hasSize(2);
        assertThat(new DocumentDeleter(store).delete("notes.md")).isTrue();
        assertThat(rows("MATCH (s:Section {documentId: 'notes.md'}) RETURN s.id AS id", Map.of())).isEmpty();
        assertThat(rows("MATCH (s:Section) WHERE NOT (s)-[:PART_OF]->() RETURN s.id AS id", Map.of())).isEmpty();
    }
}
