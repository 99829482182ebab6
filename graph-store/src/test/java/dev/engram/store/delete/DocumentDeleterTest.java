package dev.engram.store.delete;

import static dev.engram.store.testing.Docs.doc;
import static dev.engram.store.testing.Knowledge.chunk;
import static dev.engram.store.testing.Knowledge.facts;
import static dev.engram.store.testing.Knowledge.t;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.store.testing.Knowledge;
import dev.engram.store.knowledge.ChunkKnowledge;
import dev.engram.store.lexical.DocumentRecord;
import dev.engram.store.lexical.DocumentWriter;
import dev.engram.store.stats.GraphStats;
import dev.engram.store.testing.StoreTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

class DocumentDeleterTest extends StoreTestBase {

    private static final DocumentRecord A = doc("a", "A",
            "Ridley Scott directed Black Hawk Down.", "Black Hawk Down is based on a book by Mark Bowden.");
    private static final DocumentRecord B = doc("b", "B", "Ridley Scott directed Gladiator. He also directed Black Hawk Down.");

    private static final List<ChunkKnowledge> A_KNOWLEDGE = List.of(
            chunk("a#0", facts(t("Ridley Scott", "directed", "Black Hawk Down"))),
            chunk("a#1", facts(t("Black Hawk Down", "based on book by", "Mark Bowden"))));
    private static final List<ChunkKnowledge> B_KNOWLEDGE = List.of(
            chunk("b#0", facts(t("Ridley Scott", "directed", "Gladiator"), t("Ridley Scott", "directed", "Black Hawk Down")),
                    "Black Hawk Down film"));

    private final DocumentDeleter deleter = new DocumentDeleter(store);

    private void ingest(DocumentRecord doc, List<ChunkKnowledge> knowledge) {
        DocumentWriter documents = new DocumentWriter(store);
        documents.write(List.of(doc));
        Knowledge.write(store, embedder, knowledge);
        documents.markComplete(List.of(doc.id()));
    }

    @Test
    void deletingOneOfTwoDocumentsKeepsSharedEntitiesAndTheOthersRelations() {
        ingest(A, A_KNOWLEDGE);
        ingest(B, B_KNOWLEDGE);

        assertThat(deleter.delete("a")).isTrue();

        assertThat(count("MATCH (d:Document) RETURN count(d)")).isEqualTo(1);
        assertThat(count("MATCH (c:Chunk) WHERE c.documentId = 'a' RETURN count(c)")).isZero();
        assertThat(ids("MATCH (e:Entity) RETURN e.id AS id ORDER BY id"))
                .containsExactly("black hawk down", "black hawk down film", "gladiator", "ridley scott");
        assertThat(count("MATCH (e:Entity {id: 'mark bowden'}) RETURN count(e)")).as("only a supported it").isZero();
        try (Session session = store.session()) {
            var directed = session.run("""
                    MATCH (:Entity {id: 'ridley scott'})-[r:RELATION]->(:Entity {id: 'black hawk down'})
                    RETURN r.chunkIds AS ids, r.weight AS w""").single();
            assertThat(directed.get("ids").asList()).containsExactly("b#0");
            assertThat(directed.get("w").asLong()).isEqualTo(1);
        }
        assertThat(count("MATCH ()-[r:RELATION]->() RETURN count(r)")).isEqualTo(2);
        assertThat(count("MATCH (e:Entity {id: 'black hawk down'}) RETURN e.chunkCount")).isEqualTo(1);
        assertThat(count("MATCH (e:Entity {id: 'ridley scott'}) RETURN e.chunkCount")).isEqualTo(1);
        assertThat(count("MATCH ()-[r:RELATION]->() WHERE any(id IN r.chunkIds WHERE id STARTS WITH 'a#') RETURN count(r)"))
                .isZero();
    }

    @Test
    void deletingBothDocumentsLeavesNothing() {
        ingest(A, A_KNOWLEDGE);
        ingest(B, B_KNOWLEDGE);
        assertThat(count("MATCH ()-[s:SYNONYM]->() RETURN count(s)")).as("black hawk down ~ black hawk down film").isPositive();

        assertThat(deleter.delete("a")).isTrue();
        assertThat(deleter.delete("b")).isTrue();

        assertThat(count("MATCH (n) WHERE NOT n:EngramMeta RETURN count(n)")).isZero();
        assertThat(count("MATCH ()-[r]->() RETURN count(r)")).isZero();
    }

    @Test
    void deletingAnUnknownDocumentReportsNotFound() {
        assertThat(deleter.delete("nowhere")).isFalse();
    }

    @Test
    void ingestDeleteIngestEqualsOneIngest() {
        ingest(A, A_KNOWLEDGE);
        ingest(B, B_KNOWLEDGE);
        GraphStats once = GraphStats.collect(store);

        deleter.delete("a");
        ingest(A, A_KNOWLEDGE);

        GraphStats again = GraphStats.collect(store);
        assertThat(again.nodesByLabel()).isEqualTo(once.nodesByLabel());
        assertThat(again.relationshipsByType()).isEqualTo(once.relationshipsByType());
        assertThat(count("MATCH (e:Entity {id: 'ridley scott'}) RETURN e.chunkCount")).isEqualTo(2);
        assertThat(count("MATCH (:Entity {id: 'ridley scott'})-[r:RELATION]->(:Entity {id: 'black hawk down'}) RETURN r.weight"))
                .isEqualTo(2);
    }

    @Test
    void aChangedDocumentDropsTheKnowledgeOfItsOldChunks() {
        ingest(A, A_KNOWLEDGE);
        DocumentRecord changed = doc("a", "A", "Ridley Scott was born in South Shields.");
        ingest(changed, List.of(chunk("a#0", facts(t("Ridley Scott", "born in", "South Shields")))));

        assertThat(ids("MATCH (e:Entity) RETURN e.id AS id ORDER BY id")).containsExactly("ridley scott", "south shields");
        assertThat(count("MATCH ()-[r:RELATION]->() RETURN count(r)")).isEqualTo(1);
        assertThat(count("MATCH (c:Chunk) RETURN count(c)")).isEqualTo(1);
    }

    private static List<String> ids(String cypher) {
        try (Session session = store.session()) {
            return session.run(cypher).list(r -> r.get("id").asString());
        }
    }
}
