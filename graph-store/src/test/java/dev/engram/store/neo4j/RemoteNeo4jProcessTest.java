package dev.engram.store.neo4j;

import static dev.engram.store.testing.Docs.doc;
import static dev.engram.store.testing.Knowledge.chunk;
import static dev.engram.store.testing.Knowledge.facts;
import static dev.engram.store.testing.Knowledge.t;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.store.testing.Knowledge;
import dev.engram.store.delete.DocumentDeleter;
import dev.engram.store.knowledge.KnowledgeWriteSummary;
import dev.engram.store.lexical.DocumentRecord;
import dev.engram.store.lexical.DocumentWriter;
import dev.engram.store.lexical.LexicalWriteSummary;
import dev.engram.store.schema.SchemaManager;
import dev.engram.store.search.AccessFilter;
import dev.engram.store.search.ChunkSearch;
import dev.engram.store.search.FactSearch;
import dev.engram.store.search.ScoredChunk;
import dev.engram.store.search.ScoredFact;
import dev.engram.store.testing.HashEmbedder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.neo4j.driver.Session;

/**
 * The remote path against a Neo4j that runs in another process: a child JVM ({@link Neo4jServerProcess}) serves
 * Bolt on a free loopback port, and this JVM connects to it only through {@code StoreConfig.remote}, as it would
 * to a Neo4j server, cluster or Aura. Schema, writes, searches and deletion all go over the wire.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RemoteNeo4jProcessTest {

    @RegisterExtension
    static final ChildNeo4jServer server = new ChildNeo4jServer("server", null);

    @Test
    void schemaWritesSearchesAndDeletionAllWorkAgainstANeo4jInAnotherProcess() {
        assertThat(server.boltUri()).matches("bolt://127\\.0\\.0\\.1:\\d+").doesNotEndWith(":0");
        assertThat(server.process().isAlive()).isTrue();

        HashEmbedder embedder = new HashEmbedder();
        try (GraphStore store = GraphStore.open(StoreConfig.remote(server.boltUri(), null, null, null))) {
            assertThat(store.isEmbedded()).isFalse();
            assertThat(store.boltUri()).isEqualTo(server.boltUri());
            assertThat(store.database()).isEqualTo("neo4j");
            assertThat(store.driver().isEncrypted()).isFalse();

            SchemaManager schema = new SchemaManager(store);
            schema.ensure(embedder);
            schema.ensure(embedder); // idempotent over the wire too
            assertThat(schema.storedModel()).isPresent();
            assertThat(count(store, "SHOW VECTOR INDEXES YIELD state WHERE state = 'ONLINE' RETURN count(*)")).isGreaterThanOrEqualTo(2);
            assertThat(count(store, "SHOW FULLTEXT INDEXES YIELD state WHERE state = 'ONLINE' RETURN count(*)")).isGreaterThanOrEqualTo(2);

            DocumentRecord film = doc("bhd", "Black Hawk Down",
                    "Ridley Scott directed Black Hawk Down.", "Black Hawk Down is based on a book by Mark Bowden.");
            DocumentRecord city = doc("paris", "Paris", "Paris is the capital of France.");
            DocumentWriter documents = new DocumentWriter(store);
            LexicalWriteSummary written = documents.write(List.of(film, city));
            assertThat(written.documentsWritten()).isEqualTo(2);
            assertThat(written.chunksWritten()).isEqualTo(3);
            KnowledgeWriteSummary knowledge = Knowledge.write(store, embedder, List.of(
                    chunk("bhd#0", facts(t("Ridley Scott", "directed", "Black Hawk Down"))),
                    chunk("bhd#1", facts(t("Black Hawk Down", "based on book by", "Mark Bowden"))),
                    chunk("paris#0", facts(t("Paris", "capital of", "France")))));
            assertThat(knowledge.facts()).isEqualTo(3);
            assertThat(knowledge.relationsCreated()).isEqualTo(3);
            documents.markComplete(List.of("bhd", "paris"));
            assertThat(documents.existingHashes(List.of("bhd", "paris"))).containsOnlyKeys("bhd", "paris");
            // writing the same content again changes nothing
            assertThat(documents.write(List.of(film, city)).documentsUnchanged()).isEqualTo(2);

            ChunkSearch chunks = new ChunkSearch(store);
            List<ScoredChunk> dense = chunks.dense(embedder.embedQuery("Ridley Scott directed Black Hawk Down"), 2, AccessFilter.ALL);
            assertThat(dense).isNotEmpty();
            assertThat(dense.getFirst().chunkId()).isEqualTo("bhd#0");
            assertThat(dense.getFirst().title()).isEqualTo("Black Hawk Down");
            assertThat(dense.getFirst().score()).isGreaterThan(0.9);
            List<ScoredChunk> fullText = chunks.fullText("book by Mark Bowden", 3, AccessFilter.ALL);
            assertThat(fullText).isNotEmpty();
            assertThat(fullText.getFirst().chunkId()).isEqualTo("bhd#1");

            FactSearch factSearch = new FactSearch(store);
            List<ScoredFact> facts = factSearch.factsByVector(embedder.embedQuery("(Ridley Scott, directed, Black Hawk Down)"), 2);
            assertThat(facts).isNotEmpty();
            assertThat(facts.getFirst()).isEqualTo(new ScoredFact("ridley scott", "directed", "black hawk down",
                    facts.getFirst().score(), List.of("bhd#0")));

            assertThat(new DocumentDeleter(store).delete("bhd")).isTrue();
            assertThat(new DocumentDeleter(store).delete("bhd")).isFalse();
            assertThat(count(store, "MATCH (d:Document) RETURN count(d)")).isEqualTo(1);
            assertThat(count(store, "MATCH (c:Chunk {documentId: 'bhd'}) RETURN count(c)")).isZero();
            assertThat(count(store, "MATCH (e:Entity) WHERE e.id IN ['ridley scott', 'black hawk down', 'mark bowden'] RETURN count(e)")).isZero();
            assertThat(count(store, "MATCH ()-[r:RELATION]->() RETURN count(r)")).isEqualTo(1);
            assertThat(chunks.dense(embedder.embedQuery("Ridley Scott directed Black Hawk Down"), 5, AccessFilter.ALL))
                    .extracting(ScoredChunk::documentId).containsOnly("paris");
            assertThat(chunks.fullText("Mark Bowden", 5, AccessFilter.ALL)).isEmpty();
            assertThat(factSearch.factsByVector(embedder.embedQuery("(Ridley Scott, directed, Black Hawk Down)"), 5))
                    .extracting(ScoredFact::subjectId).containsOnly("paris");
        }

        // the data lives in the other process: a fresh connection still sees what the first one left
        try (GraphStore again = GraphStore.open(StoreConfig.remote(server.boltUri(), null, null, "neo4j"))) {
            assertThat(count(again, "MATCH (d:Document) RETURN count(d)")).isEqualTo(1);
            assertThat(count(again, "MATCH (c:Chunk) RETURN count(c)")).isEqualTo(1);
        }
        assertThat(server.process().isAlive()).isTrue();
    }

    private static long count(GraphStore store, String cypher) {
        try (Session session = store.session()) {
            return session.run(cypher, Map.of()).single().get(0).asLong();
        }
    }

    @Test
    void openingTheDataDirectoryOfAnotherRunningProcessWorksThroughItsBoltPort() {
        // Neo4j would refuse a second embedded DBMS on this directory (its store lock); the holder file says where to go
        try (GraphStore shared = GraphStore.open(StoreConfig.embedded(server.data(), 0))) {
            assertThat(shared.isEmbedded()).isFalse();
            assertThat(shared.heldBy()).hasValueSatisfying(h -> {
                assertThat(h.pid()).isEqualTo(server.process().pid());
                assertThat(h.boltUri()).isEqualTo(server.boltUri());
            });
            try (Session session = shared.session()) {
                session.run("CREATE (:HolderProbe {at: 1})").consume();
            }
        }
        try (GraphStore direct = GraphStore.open(StoreConfig.remote(server.boltUri(), null, null, null)); Session session = direct.session()) {
            assertThat(session.run("MATCH (p:HolderProbe) RETURN count(p)").single().get(0).asLong()).isOne();
            session.run("MATCH (p:HolderProbe) DELETE p").consume();
        }
    }
}
