package dev.engram.ingest.rdf;

import dev.engram.store.rdf.ImportSummary;
import dev.engram.store.rdf.RdfFixtures;
import dev.engram.store.rdf.RdfFormat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.extraction.document.DocumentFixtures;
import dev.engram.extraction.document.DocumentLoader;
import dev.engram.extraction.document.TokenChunker;
import dev.engram.extraction.embedding.BgeTokenizer;
import dev.engram.ingest.DocumentSource;
import dev.engram.ingest.IngestListener;
import dev.engram.ingest.IngestOptions;
import dev.engram.ingest.IngestPipeline;
import dev.engram.records.document.ContentHash;
import dev.engram.store.search.AccessFilter;
import dev.engram.store.testing.StoreTestBase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

class RdfRoundTripTest extends StoreTestBase {

    @ParameterizedTest
    @EnumSource(value = RdfFormat.class, names = {"TURTLE", "NTRIPLES", "JSONLD"})
    void exportImportExportIsIsomorphic(RdfFormat format) {
        RdfFixtures.write(store, embedder);
        byte[] first = RdfFixtures.exportBytes(store, AccessFilter.ALL, format);
        Graph before = RdfFixtures.parse(first, format);
        assertThat(before.size()).isGreaterThan(100);

        wipe();
        ImportSummary summary = new RdfImporter(store, embedder)
                .importStream(new ByteArrayInputStream(first), format, "export." + format.extension());
        assertThat(summary.documentsWritten()).isEqualTo(4);
        assertThat(summary.chunksWritten()).isEqualTo(7);

        Graph after = RdfFixtures.parse(RdfFixtures.exportBytes(store, AccessFilter.ALL, format), format);
        assertThat(after.isIsomorphicWith(before)).as(diff(before, after)).isTrue();
        assertThat(IsoMatcher.isomorphic(before, after)).isTrue();
    }

    @Test
    void importRestoresTheGraphBehindTheRdf() {
        RdfFixtures.write(store, embedder);
        Map<String, Object> original = snapshot();
        byte[] turtle = RdfFixtures.exportBytes(store, AccessFilter.ALL, RdfFormat.TURTLE);
        wipe();
        new RdfImporter(store, embedder).importStream(new ByteArrayInputStream(turtle), RdfFormat.TURTLE, "export.ttl");

        assertThat(snapshot()).isEqualTo(original);
        assertThat(count("MATCH (c:Chunk) WHERE c.embedding IS NULL RETURN count(c)")).isZero();
        assertThat(count("MATCH (e:Entity) WHERE e.embedding IS NULL RETURN count(e)")).isZero();
        assertThat(count("MATCH ()-[r:RELATION]->() WHERE r.embedding IS NULL RETURN count(r)")).isZero();
        assertThat(count("MATCH (d:Document) WHERE d.sha256 IS NULL RETURN count(d)")).isZero();
        // the ACL came back, so access control still holds after a restore
        assertThat(count("MATCH (c:Chunk {id: 'globex-secret#0'}) WHERE c.tenant = 'globex' AND c.acl = ['finance'] RETURN count(c)"))
                .isOne();
    }

    @Test
    void sectionsAndPagesOfRealDocumentsSurviveExportImportExport(@TempDir Path dir) throws Exception {
        DocumentFixtures.reportPdf(Files.createDirectories(dir.resolve("pile")).resolve("report.pdf"));
        DocumentFixtures.docx(dir.resolve("pile/handbook.docx"));
        try (BgeTokenizer tokenizer = BgeTokenizer.loadDefault()) {
            new IngestPipeline(store, embedder, new TokenChunker(tokenizer, 64, 8)::chunk, ContentHash::of, null,
                    new IngestOptions(16, "acme", List.of("finance")))
                    .run(DocumentSource.files(new DocumentLoader(), List.of(dir.resolve("pile"))), IngestListener.NONE);
        }
        Map<String, Object> original = sections();
        assertThat(count("MATCH (s:Section) RETURN count(s)")).isGreaterThan(4);
        assertThat(count("MATCH (s:Section)-[:PART_OF]->(:Section) RETURN count(s)")).as("nested sections").isPositive();
        assertThat(count("MATCH (c:Chunk) WHERE c.pageStart > 1 RETURN count(c)")).as("pages past the first").isPositive();
        byte[] turtle = RdfFixtures.exportBytes(store, AccessFilter.ALL, RdfFormat.TURTLE);
        Graph before = RdfFixtures.parse(turtle, RdfFormat.TURTLE);

        wipe();
        ImportSummary summary = new RdfImporter(store, embedder)
                .importStream(new ByteArrayInputStream(turtle), RdfFormat.TURTLE, "export.ttl");
        assertThat(summary.documentsWritten()).as("the two documents, no linked-data document of leftovers").isEqualTo(2);

        assertThat(sections()).isEqualTo(original);
        Graph after = RdfFixtures.parse(RdfFixtures.exportBytes(store, AccessFilter.ALL, RdfFormat.TURTLE), RdfFormat.TURTLE);
        assertThat(after.isIsomorphicWith(before)).as(diff(before, after)).isTrue();
    }

    /** Sections with every stored property and edge, and the chunks' pages and section links. */
    private static Map<String, Object> sections() {
        try (Session session = store.session()) {
            return Map.of(
                    "sections", session.run("""
                            MATCH (s:Section)-[:PART_OF]->(p)
                            OPTIONAL MATCH (s)-[:FIRST]->(c:Chunk)
                            RETURN s.id, s.documentId, s.index, s.title, s.level, s.path, s.pageStart, s.pageEnd, s.tenant,
                                   s.acl, p.id, c.id ORDER BY s.id""").list(r -> r.values().toString()),
                    "chunks", session.run("""
                            MATCH (c:Chunk)
                            OPTIONAL MATCH (c)-[:IN_SECTION]->(s:Section)
                            RETURN c.id, c.pageStart, c.pageEnd, c.sectionPath, s.id ORDER BY c.id""")
                            .list(r -> r.values().toString()));
        }
    }

    private static String diff(Graph before, Graph after) {
        StringBuilder s = new StringBuilder("graphs differ;\nonly before:\n");
        before.find().filterDrop(after::contains).forEach(t -> s.append(t).append('\n'));
        s.append("only after:\n");
        after.find().filterDrop(before::contains).forEach(t -> s.append(t).append('\n'));
        return s.toString();
    }

    private static void wipe() {
        try (Session session = store.session()) {
            session.run("MATCH (n) WHERE NOT n:EngramMeta DETACH DELETE n").consume();
        }
        assertThat(count("MATCH (n) WHERE NOT n:EngramMeta RETURN count(n)")).isZero();
    }

    /** What the graph holds, ids and properties that an import must restore (not derived ones such as times). */
    private static Map<String, Object> snapshot() {
        try (Session session = store.session()) {
            return Map.of(
                    "documents", session.run("MATCH (d:Document) RETURN d.id, d.title, d.source, d.tenant, d.acl, d.year, d.lang, d.meta_title ORDER BY d.id")
                            .list(r -> r.values().toString()),
                    "chunks", session.run("MATCH (c:Chunk)-[:PART_OF]->(d) RETURN c.id, d.id, c.index, c.text, c.tokenCount, c.start, c.end, c.tenant, c.acl ORDER BY c.id")
                            .list(r -> r.values().toString()),
                    "next", session.run("MATCH (a)-[:NEXT]->(b) RETURN a.id + '>' + b.id AS x ORDER BY x").list(r -> r.get(0).asString()),
                    "first", session.run("MATCH (d)-[:FIRST]->(c) RETURN d.id + '>' + c.id AS x ORDER BY x").list(r -> r.get(0).asString()),
                    "entities", session.run("MATCH (e:Entity) RETURN e.id, e.name, e.chunkCount ORDER BY e.id").list(r -> r.values().toString()),
                    "mentions", session.run("MATCH (c)-[:MENTIONS]->(e) RETURN c.id + '>' + e.id AS x ORDER BY x").list(r -> r.get(0).asString()),
                    "relations", session.run("""
                            MATCH (s)-[r:RELATION]->(o)
                            RETURN s.id, r.predicate, o.id, COLLECT { UNWIND r.chunkIds AS c RETURN c ORDER BY c }, r.weight
                            ORDER BY s.id, r.predicate, o.id
                            """)
                            .list(r -> r.values().toString()));
        }
    }
}
