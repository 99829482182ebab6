package dev.engram.store.lexical;

import static dev.engram.store.testing.Docs.doc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.store.stats.GraphStats;
import dev.engram.store.testing.StoreTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

class DocumentWriterTest extends StoreTestBase {

    private final DocumentWriter writer = new DocumentWriter(store);

    private static final DocumentRecord PARIS = doc("paris", "Paris",
            "Paris is the capital of France.", "The Seine flows through Paris.", "The Eiffel Tower was built in 1889.");
    private static final DocumentRecord BERLIN = doc("berlin", "Berlin", "Berlin is the capital of Germany.");

    @Test
    void writesTheLexicalGraphShape() {
        LexicalWriteSummary summary = writer.write(List.of(PARIS, BERLIN));
        writer.markComplete(List.of("paris", "berlin"));

        assertThat(summary).isEqualTo(new LexicalWriteSummary(2, 0, 0, 4));
        assertThat(count("MATCH (d:Document) RETURN count(d)")).isEqualTo(2);
        assertThat(count("MATCH (c:Chunk) RETURN count(c)")).isEqualTo(4);
        assertThat(count("MATCH (c:Chunk) WHERE NOT (c)-[:PART_OF]->(:Document {id: c.documentId}) RETURN count(c)")).isZero();
        assertThat(count("MATCH (c:Chunk)-[p:PART_OF]->() RETURN count(p)")).isEqualTo(4);
        assertThat(count("MATCH (:Document)-[f:FIRST]->(c:Chunk) WHERE c.index = 0 RETURN count(f)")).isEqualTo(2);
        assertThat(count("MATCH ()-[f:FIRST]->() RETURN count(f)")).isEqualTo(2);
        assertThat(count("MATCH (a:Chunk)-[:NEXT]->(b:Chunk) WHERE b.index = a.index + 1 AND a.documentId = b.documentId"
                + " RETURN count(*)")).isEqualTo(2);
        assertThat(count("MATCH ()-[n:NEXT]->() RETURN count(n)")).isEqualTo(2);
        assertThat(count("MATCH (c:Chunk) WHERE size(c.embedding) = 384 RETURN count(c)")).isEqualTo(4);

        try (Session session = store.session()) {
            Record d = session.run("MATCH (d:Document {id: 'paris'}) RETURN d").single();
            Map<String, Object> props = d.get("d").asNode().asMap();
            assertThat(props).containsEntry("title", "Paris").containsEntry("source", "test:paris")
                    .containsEntry("sha256", PARIS.sha256()).containsEntry("year", 2024L).containsEntry("lang", "en")
                    .containsEntry("meta_title", "meta title").containsKey("ingestedAt")
                    .doesNotContainKey("nested").doesNotContainKey("pendingSha256");
            Map<String, Object> chunk = session.run("MATCH (c:Chunk {id: 'paris#1'}) RETURN c").single().get("c").asNode().asMap();
            assertThat(chunk).containsEntry("documentId", "paris").containsEntry("index", 1L)
                    .containsEntry("text", "The Seine flows through Paris.").containsEntry("start", 33L);
        }
        assertThat(writer.existingHashes(List.of("paris", "berlin", "nowhere")))
                .isEqualTo(Map.of("paris", PARIS.sha256(), "berlin", BERLIN.sha256()));
    }

    @Test
    void rewritingIdenticalContentChangesNothing() {
        writer.write(List.of(PARIS, BERLIN));
        writer.markComplete(List.of("paris", "berlin"));
        GraphStats before = GraphStats.collect(store);
        Object ingestedAt = single("MATCH (d:Document {id: 'paris'}) RETURN d.ingestedAt");

        LexicalWriteSummary again = writer.write(List.of(PARIS, BERLIN));

        assertThat(again).isEqualTo(new LexicalWriteSummary(0, 2, 0, 0));
        assertThat(GraphStats.collect(store).nodesByLabel()).isEqualTo(before.nodesByLabel());
        assertThat(GraphStats.collect(store).relationshipsByType()).isEqualTo(before.relationshipsByType());
        assertThat(single("MATCH (d:Document {id: 'paris'}) RETURN d.ingestedAt")).isEqualTo(ingestedAt);
    }

    @Test
    void aChangedDocumentReplacesItsChunks() {
        writer.write(List.of(PARIS));
        writer.markComplete(List.of("paris"));
        DocumentRecord changed = doc("paris", "Paris (new)", "Paris has about two million inhabitants.", "It is in France.");

        LexicalWriteSummary summary = writer.write(List.of(changed));
        assertThat(writer.existingHashes(List.of("paris"))).as("not complete until marked").isEmpty();
        writer.markComplete(List.of("paris"));

        assertThat(summary).isEqualTo(new LexicalWriteSummary(1, 0, 1, 2));
        assertThat(count("MATCH (c:Chunk) RETURN count(c)")).isEqualTo(2);
        assertThat(count("MATCH (c:Chunk {id: 'paris#2'}) RETURN count(c)")).isZero();
        assertThat(count("MATCH (c:Chunk {id: 'paris#0'}) WHERE c.text STARTS WITH 'Paris has' RETURN count(c)")).isEqualTo(1);
        assertThat(count("MATCH ()-[n:NEXT]->() RETURN count(n)")).isEqualTo(1);
        assertThat(single("MATCH (d:Document {id: 'paris'}) RETURN d.title")).isEqualTo("Paris (new)");
        assertThat(writer.existingHashes(List.of("paris"))).containsEntry("paris", changed.sha256());
    }

    @Test
    void anIncompleteDocumentIsNotReportedAndARewriteLeavesNoDuplicates() {
        writer.write(List.of(PARIS)); // a crash here: never marked complete
        assertThat(writer.existingHashes(List.of("paris"))).isEmpty();

        LexicalWriteSummary retry = writer.write(List.of(PARIS));
        writer.markComplete(List.of("paris"));

        assertThat(retry.documentsWritten()).isEqualTo(1);
        assertThat(count("MATCH (d:Document) RETURN count(d)")).isEqualTo(1);
        assertThat(count("MATCH (c:Chunk) RETURN count(c)")).isEqualTo(3);
        assertThat(count("MATCH ()-[r]->() RETURN count(r)")).isEqualTo(3 + 2 + 1);
        assertThat(writer.existingHashes(List.of("paris"))).containsEntry("paris", PARIS.sha256());
    }

    @Test
    void tenantAndAclAreCopiedOntoChunks() {
        writer.write(List.of(doc("secret", "Secret", "acme", List.of("finance"), "Quarterly numbers.")));
        assertThat(single("MATCH (c:Chunk {id: 'secret#0'}) RETURN c.tenant")).isEqualTo("acme");
        assertThat(single("MATCH (c:Chunk {id: 'secret#0'}) RETURN c.acl")).isEqualTo(List.of("finance"));
        assertThat(single("MATCH (d:Document {id: 'secret'}) RETURN d.acl")).isEqualTo(List.of("finance"));
    }

    @Test
    void manyDocumentsSpanSeveralTransactions() {
        List<DocumentRecord> docs = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) {
            docs.add(doc("d" + i, "Doc " + i, "alpha " + i, "beta " + i, "gamma " + i));
        }
        LexicalWriteSummary summary = writer.write(docs);
        assertThat(summary.chunksWritten()).isEqualTo(1200);
        assertThat(count("MATCH ()-[n:NEXT]->() RETURN count(n)")).isEqualTo(800);
        assertThat(count("MATCH ()-[f:FIRST]->() RETURN count(f)")).isEqualTo(400);
    }

    private static Object single(String cypher) {
        try (Session session = store.session()) {
            return session.run(cypher).single().get(0).asObject();
        }
    }
}
