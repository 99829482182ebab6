package dev.engram.ingest.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.extraction.document.DocumentFixtures;
import dev.engram.extraction.document.DocumentLoader;
import dev.engram.extraction.document.TokenChunker;
import dev.engram.extraction.embedding.BgeTokenizer;
import dev.engram.extraction.triples.RuleTripleExtractor;
import dev.engram.ingest.DocumentSource;
import dev.engram.ingest.IngestListener;
import dev.engram.ingest.IngestOptions;
import dev.engram.ingest.IngestPipeline;
import dev.engram.records.document.ContentHash;
import dev.engram.store.delete.DocumentDeleter;
import dev.engram.store.testing.StoreTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

/**
 * {@code engram ingest --sync}: files added, changed and removed between two syncs leave the graph equal to a fresh
 * ingest of the final folder; the dry run changes nothing; documents of other folders and other tenants are kept.
 */
class DirectorySyncTest extends StoreTestBase {
    private static BgeTokenizer tokenizer;
    private static final RuleTripleExtractor TRIPLES = new RuleTripleExtractor();

    @TempDir Path dir;

    @BeforeAll
    static void load() {
        tokenizer = BgeTokenizer.loadDefault();
    }

    @AfterAll
    static void unload() {
        tokenizer.close();
    }

    private IngestPipeline pipeline(String tenant) {
        return new IngestPipeline(store, embedder, new TokenChunker(tokenizer, 64, 8)::chunk, ContentHash::of, TRIPLES,
                new IngestOptions(16, tenant, List.of("staff")));
    }

    private DirectorySync sync(String tenant) {
        return new DirectorySync(new DocumentLoader(), pipeline(tenant), store, tenant);
    }

    /** Everything a tenant's shelf documents put in the graph, in a stable order. */
    private String graphOf(String idPrefix) {
        try (Session s = store.session()) {
            List<String> parts = new java.util.ArrayList<>();
            parts.addAll(s.run("MATCH (d:Document) WHERE d.id STARTS WITH $p RETURN d.id + '|' + d.title + '|' + d.sha256 + '|'"
                    + " + d.tenant AS x ORDER BY x", java.util.Map.of("p", idPrefix)).list(r -> r.get("x").asString()));
            parts.addAll(s.run("""
                    MATCH (c:Chunk)-[:PART_OF]->(d:Document) WHERE d.id STARTS WITH $p
                    OPTIONAL MATCH (c)-[:IN_SECTION]->(s:Section)
                    RETURN c.id + '|' + c.text + '|' + coalesce(c.pageStart, 0) + '|' + coalesce(s.id, '-') + '|'
                           + reduce(m = '', e IN COLLECT { MATCH (c)-[:MENTIONS]->(e:Entity) RETURN e.id ORDER BY e.id } | m + e + ',') AS x
                    ORDER BY x""", java.util.Map.of("p", idPrefix)).list(r -> r.get("x").asString()));
            parts.addAll(s.run("""
                    MATCH (s:Section)-[:PART_OF]->(p) WHERE s.documentId STARTS WITH $p
                    OPTIONAL MATCH (s)-[:FIRST]->(c:Chunk)
                    RETURN s.id + '|' + s.title + '|' + s.level + '|' + p.id + '|' + coalesce(c.id, '-') AS x ORDER BY x
                    """, java.util.Map.of("p", idPrefix)).list(r -> r.get("x").asString()));
            parts.addAll(s.run("""
                    MATCH (a:Entity)-[r:RELATION]->(b:Entity)
                    WITH a, r, b, [x IN r.chunkIds WHERE x STARTS WITH $p] AS mine WHERE size(mine) > 0
                    RETURN a.id + '|' + r.predicate + '|' + b.id + '|' + reduce(m = '', x IN mine | m + x + ',') AS x ORDER BY x
                    """, java.util.Map.of("p", idPrefix)).list(r -> r.get("x").asString()));
            return String.join("\n", parts);
        }
    }

    @Test
    void twoSyncsEqualAFreshIngestOfTheFinalFolder() throws IOException {
        Path shelf = Files.createDirectory(dir.resolve("shelf"));
        Files.writeString(shelf.resolve("a.md"), "# Lamps\n\nAda Keeper cleans the lamp of North Point.\n");
        DocumentFixtures.reportPdf(shelf.resolve("b.pdf"));
        DocumentFixtures.docx(shelf.resolve("c.docx"));
        // the same tenant's document from another folder, and another tenant's document once read from this one
        Path elsewhere = Files.writeString(Files.createDirectory(dir.resolve("elsewhere")).resolve("keep.txt"), "Tom Reed keeps Gull Rock.");
        pipeline("acme").run(DocumentSource.files(new DocumentLoader(), List.of(elsewhere)), IngestListener.NONE);
        Path theirs = Files.writeString(shelf.resolve("theirs.txt"), "Globex owns the south tower.");
        pipeline("globex").run(DocumentSource.files(new DocumentLoader(), List.of(shelf.toAbsolutePath().resolve("theirs.txt"))),
                IngestListener.NONE);
        Files.delete(theirs);

        DirectorySync.Result first = sync("acme").run(shelf, IngestListener.NONE);
        assertThat(first.plan().added()).containsExactly("shelf/a.md", "shelf/b.pdf", "shelf/c.docx");
        assertThat(first.plan().removed()).isEmpty();
        assertThat(first.ingest().documentsWritten()).isEqualTo(3);

        Files.writeString(shelf.resolve("a.md"), "# Lamps\n\nAda Keeper cleans the lamp of North Point every morning.\n");
        Files.delete(shelf.resolve("c.docx"));
        DocumentFixtures.html(shelf.resolve("d.html"));
        Files.writeString(shelf.resolve("e.pdf"), "%PDF-1.7 not really a pdf");

        String before = graphOf("shelf/");
        DirectorySync.Plan dry = sync("acme").plan(shelf);
        assertThat(dry.added()).containsExactly("shelf/d.html");
        assertThat(dry.changed()).containsExactly("shelf/a.md");
        assertThat(dry.unchanged()).containsExactly("shelf/b.pdf");
        assertThat(dry.removed()).containsExactly("shelf/c.docx");
        assertThat(dry.problems()).singleElement().satisfies(p -> assertThat(p.file()).endsWith("e.pdf"));
        assertThat(dry.lines()).contains("+ shelf/d.html", "~ shelf/a.md", "- shelf/c.docx");
        assertThat(graphOf("shelf/")).as("a dry run changes nothing").isEqualTo(before);

        DirectorySync.Result second = sync("acme").run(shelf, IngestListener.NONE);
        assertThat(second.plan()).isEqualTo(dry);
        assertThat(second.deleted()).isEqualTo(1);
        assertThat(second.ingest().documentsUnchanged()).isEqualTo(1);
        String synced = graphOf("shelf/");

        // a fresh ingest of the final folder gives the same graph
        new DocumentDeleter(store).delete("shelf/a.md");
        new DocumentDeleter(store).delete("shelf/b.pdf");
        new DocumentDeleter(store).delete("shelf/d.html");
        assertThat(graphOf("shelf/")).isEmpty();
        pipeline("acme").run(DocumentSource.files(new DocumentLoader(), List.of(shelf.toAbsolutePath())), IngestListener.NONE);
        assertThat(graphOf("shelf/")).isEqualTo(synced).contains("shelf/b.pdf§2|2.1 Revenue").contains("every morning");

        // what the sync may not touch is still there
        assertThat(graphOf("keep.txt")).contains("keep.txt|keep|");
        assertThat(graphOf("theirs.txt")).contains("|globex");
    }
    @Test
    void aStoppedSyncWritesWhatItReadAndDeletesNothing() throws IOException {
        Path tray = Files.createDirectory(dir.resolve("tray"));
        Files.writeString(tray.resolve("gone.md"), "# Gone\n\nMira Holt rang the bell of East Quay.\n");
        assertThat(sync("acme").run(tray, IngestListener.NONE).ingest().documentsWritten()).isEqualTo(1);
        Files.delete(tray.resolve("gone.md"));
        for (String name : List.of("one.md", "two.md", "three.md")) {
            Files.writeString(tray.resolve(name), "# " + name + "\n\nOtto Lind painted the " + name + " boat.\n");
        }
        AtomicInteger asked = new AtomicInteger();
        // the job is cancelled while the first document is on its way: the second is never offered
        DirectorySync.Result stopped = sync("acme").run(tray, IngestListener.NONE, () -> asked.incrementAndGet() > 1);
        assertThat(stopped.stopped()).isTrue();
        assertThat(stopped.deleted()).isZero();
        assertThat(stopped.ingest().documentsWritten()).isEqualTo(1);
        assertThat(graphOf("tray/gone.md")).as("a file the stopped sync never reached is not taken as removed")
                .contains("tray/gone.md|");

        DirectorySync.Result full = sync("acme").run(tray, IngestListener.NONE);
        assertThat(full.stopped()).isFalse();
        assertThat(full.plan().removed()).containsExactly("tray/gone.md");
        assertThat(full.deleted()).isEqualTo(1);
        assertThat(full.ingest().documentsWritten() + full.ingest().documentsUnchanged()).isEqualTo(3);
        assertThat(graphOf("tray/")).doesNotContain("tray/gone.md").contains("tray/one.md", "tray/two.md", "tray/three.md");
    }
}
