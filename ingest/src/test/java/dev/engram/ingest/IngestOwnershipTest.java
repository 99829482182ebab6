package dev.engram.ingest;

import static dev.engram.store.testing.Docs.doc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.ingest.rdf.RdfImporter;
import dev.engram.records.document.ContentHash;
import dev.engram.records.document.LoadProblem;
import dev.engram.records.document.SourceDocument;
import dev.engram.records.document.TextChunk;
import dev.engram.records.triples.Triple;
import dev.engram.store.lexical.DocumentOwnershipTest;
import dev.engram.store.lexical.DocumentWriter;
import dev.engram.store.rdf.ImportSummary;
import dev.engram.store.rdf.RdfExporter;
import dev.engram.store.rdf.RdfFormat;
import dev.engram.store.search.AccessFilter;
import dev.engram.store.testing.StoreTestBase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

/**
 * A document belongs to exactly one tenant: neither the ingest pipeline (what {@code engram ingest --tenant} and
 * uploads run, JSONL ids included) nor an RDF import under another tenant replaces, takes over or adds knowledge
 * to it. Every attack checks the graph is unchanged afterwards.
 */
class IngestOwnershipTest extends StoreTestBase {

    private final DocumentWriter writer = new DocumentWriter(store);

    private void seedTenantA() {
        writer.write(List.of(doc("secret.md", "Secret", "tenantA", List.of(), "The vault code is 1234.",
                "Only tenant A may know it.")));
        writer.markComplete(List.of("secret.md"));
    }

    private static String fingerprint() {
        return DocumentOwnershipTest.fingerprint();
    }

    /** Finding 1 through the pipeline: {@code engram ingest --tenant tenantB} of a JSONL line with A's id. */
    @Test
    void ingestUnderAnotherTenantWithAForeignJsonlIdIsRefusedAndAddsNoKnowledge() {
        IngestOptions tenantA = new IngestOptions(8, "tenantA", List.of());
        IngestReport seeded = pipeline(tenantA).run(source(new SourceDocument("a-1", "Zorblax", "a.jsonl",
                "Zorblax builds cables.", Map.of())), IngestListener.NONE);
        assertThat(seeded.documentsWritten()).isEqualTo(1);
        String before = fingerprint();

        List<LoadProblem> problems = new ArrayList<>();
        IngestReport attack = pipeline(new IngestOptions(8, "tenantB", List.of())).run(source(
                new SourceDocument("a-1", "Zorblax", "b.jsonl", "Zorblax sells secrets to Globex.", Map.of()),
                new SourceDocument("b-1", "Velmora", "b.jsonl", "Velmora studies fungi.", Map.of())),
                new IngestListener() {
                    @Override
                    public void problem(LoadProblem problem) {
                        problems.add(problem);
                    }
                });

        assertThat(problems).extracting(LoadProblem::file).containsExactly("a-1");
        assertThat(problems.getFirst().message()).contains("belongs to another tenant").doesNotContain("tenantA");
        assertThat(attack.documentsWritten()).isEqualTo(1);
        // A's document, chunks, mentions and facts are exactly as before; only B's own document was added
        try (Session s = store.session()) {
            s.run("MATCH (d:Document {id: 'b-1'}) DETACH DELETE d").consume();
            s.run("MATCH (c:Chunk {documentId: 'b-1'}) DETACH DELETE c").consume();
            s.run("MATCH (e:Entity) WHERE NOT (e)<-[:MENTIONS]-() DETACH DELETE e").consume();
        }
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(count("MATCH ()-[r:RELATION]->() WHERE r.predicate CONTAINS 'sells' RETURN count(r)")).isZero();
    }

    @Test
    void anRdfImportCannotReplaceAnotherTenantsDocument() {
        seedTenantA();
        writer.write(List.of(doc("b-plan.md", "B plan", "tenantB", List.of(), "Tenant B's plan.")));
        writer.markComplete(List.of("b-plan.md"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RdfExporter(store, 100).export(new AccessFilter("tenantB", List.of()), RdfFormat.TURTLE, out, p -> {});
        // B's export, edited so its document claims A's id
        String forged = out.toString(StandardCharsets.UTF_8).replace("b-plan.md", "secret.md");
        try (Session s = store.session()) {
            s.run("MATCH (n) WHERE n.documentId = 'b-plan.md' OR n.id = 'b-plan.md' DETACH DELETE n").consume();
        }
        String before = fingerprint();

        ImportSummary summary = new RdfImporter(store, embedder).importStream(
                new ByteArrayInputStream(forged.getBytes(StandardCharsets.UTF_8)), RdfFormat.TURTLE, "forged.ttl");

        assertThat(summary.refused()).contains("secret.md");
        assertThat(count("MATCH (d:Document {id: 'secret.md'}) WHERE d.tenant = 'tenantA' RETURN count(d)")).isEqualTo(1);
        assertThat(count("MATCH (c:Chunk {documentId: 'secret.md'}) WHERE c.text CONTAINS 'plan' RETURN count(c)")).isZero();
        assertThat(fingerprint()).as("the graph is unchanged").isEqualTo(before);
    }

    private IngestPipeline pipeline(IngestOptions options) {
        return new IngestPipeline(store, embedder, d -> List.of(new TextChunk(d.id() + "#0", d.id(), 0, d.text(),
                d.text().split(" ").length, 0, d.text().length())), ContentHash::of,
                (title, text) -> List.of(new Triple(title, text.contains("sells") ? "sells secrets to" : "builds", title + " product")),
                options);
    }

    private static DocumentSource source(SourceDocument... docs) {
        return DocumentSource.of(List.of(docs));
    }

}
