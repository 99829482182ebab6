package dev.engram.store.curation;

import static dev.engram.store.testing.Docs.doc;
import static dev.engram.store.testing.Knowledge.chunk;
import static dev.engram.store.testing.Knowledge.facts;
import static dev.engram.store.testing.Knowledge.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.store.knowledge.ChunkKnowledge;
import dev.engram.store.lexical.DocumentRecord;
import dev.engram.store.lexical.DocumentWriter;
import dev.engram.store.testing.Knowledge;
import dev.engram.store.testing.StoreTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

/**
 * Curation on a real embedded Neo4j: merge, rename, delete relation and entity, each undone exactly (the graph's
 * fingerprint equals the one before), and each surviving a re-ingest of the same knowledge through the real
 * knowledge writer.
 */
class EntityCurationTest extends StoreTestBase {
    private static final DocumentRecord A = doc("a", "A", "Ridley Scott directed Black Hawk Down.",
            "R. Scott directed Gladiator in 2000.");
    private static final List<ChunkKnowledge> A_KNOWLEDGE = List.of(
            chunk("a#0", facts(t("Ridley Scott", "directed", "Black Hawk Down"))),
            chunk("a#1", facts(t("R. Scott", "directed", "Gladiator"), t("Gladiator", "released in", "2000"))));

    private final EntityCuration curation = new EntityCuration(store, embedder);

    private void ingest() {
        DocumentWriter documents = new DocumentWriter(store);
        documents.write(List.of(A));
        Knowledge.write(store, embedder, A_KNOWLEDGE);
        documents.markComplete(List.of(A.id()));
    }

    /** Every entity, relation and mention with its properties (embeddings included), as sorted text. */
    private static String fingerprint() {
        try (Session session = store.session()) {
            return String.join("\n", session.run("""
                    MATCH (e:Entity) RETURN ['E', e.id, e.name, e.chunkCount, coalesce(e.aliases, []), e.embedding[0..3]] AS line
                    UNION ALL MATCH (s:Entity)-[r]->(o:Entity) RETURN ['R', s.id, type(r), r.predicate, o.id, r.chunkIds,
                      coalesce(r.weight, r.score), r.embedding[0..3]] AS line
                    UNION ALL MATCH (c:Chunk)-[:MENTIONS]->(e:Entity) RETURN ['M', c.id, e.id] AS line
                    UNION ALL MATCH (a:EntityAlias) RETURN ['A', a.id, a.into] AS line
                    """).list(r -> String.valueOf(r.get("line").asObject())).stream().sorted().toList());
        }
    }

    @Test
    void mergeMovesMentionsRelationsAndKeepsTheNameAsAnAlias() {
        ingest();
        String before = fingerprint();
        Edit edit = curation.merge("ridley scott", List.of("r. scott"), "tester");

        assertThat(edit.summary()).isEqualTo("merged R. Scott into Ridley Scott");
        assertThat(count("MATCH (e:Entity {id: 'r. scott'}) RETURN count(e)")).isZero();
        assertThat(count("MATCH (:Entity {id: 'ridley scott'})-[r:RELATION {predicate: 'directed'}]->(:Entity {id: 'gladiator'})"
                + " WHERE r.chunkIds = ['a#1'] RETURN count(r)")).isEqualTo(1);
        assertThat(count("MATCH (:Chunk {id: 'a#1'})-[:MENTIONS]->(:Entity {id: 'ridley scott'}) RETURN count(*)")).isEqualTo(1);
        assertThat(count("MATCH (e:Entity {id: 'ridley scott'}) WHERE 'R. Scott' IN e.aliases AND e.chunkCount = 2 RETURN count(e)"))
                .isEqualTo(1);

        // re-ingesting the same knowledge does not split the merged entity again
        Knowledge.write(store, embedder, A_KNOWLEDGE);
        assertThat(count("MATCH (e:Entity {id: 'r. scott'}) RETURN count(e)")).isZero();
        assertThat(count("MATCH (:Entity {id: 'ridley scott'})-[r:RELATION]->() RETURN count(r)")).isEqualTo(2);

        assertThat(curation.undo("tester")).get().extracting(Edit::undone).isEqualTo(true);
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(curation.audit(10)).extracting(Edit::kind, Edit::who, Edit::undone).containsExactly(
                org.assertj.core.groups.Tuple.tuple("merge", "tester", true));
    }

    @Test
    void aDeletedRelationStaysDeletedWhenTheSameChunkIsIngestedAgainButNewEvidenceBringsItBack() {
        ingest();
        curation.deleteRelation("gladiator", "released in", "2000", "tester");
        assertThat(count("MATCH ()-[r:RELATION {predicate: 'released in'}]->() RETURN count(r)")).isZero();

        Knowledge.write(store, embedder, A_KNOWLEDGE);
        assertThat(count("MATCH ()-[r:RELATION {predicate: 'released in'}]->() RETURN count(r)")).as("remembered per chunk").isZero();

        // another chunk stating the same fact is new evidence: it brings the relation back
        Knowledge.write(store, embedder, List.of(chunk("a#0", facts(t("Gladiator", "released in", "2000")))));
        assertThat(count("MATCH ()-[r:RELATION {predicate: 'released in'}]->() WHERE r.chunkIds = ['a#0'] RETURN count(r)")).isEqualTo(1);
    }

    @Test
    void undoPutsADeletedRelationBackExactly() {
        ingest();
        String before = fingerprint();
        curation.deleteRelation("gladiator", "released in", "2000", "tester");
        curation.undo("tester");
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(count("MATCH (t:CurationTombstone) RETURN count(t)")).as("the tombstone goes with the undo").isZero();
    }

    @Test
    void aDeletedJunkEntityDoesNotComeBackFromItsChunksAndRenameKeepsTheIdForReingest() {
        ingest();
        curation.deleteEntity("2000", "tester");
        curation.rename("gladiator", "Gladiator (2000 film)", "tester");
        Knowledge.write(store, embedder, A_KNOWLEDGE);
        assertThat(count("MATCH (e:Entity {id: '2000'}) RETURN count(e)")).isZero();
        assertThat(count("MATCH (e:Entity {id: 'gladiator'}) WHERE e.name = 'Gladiator (2000 film)' AND 'Gladiator' IN e.aliases"
                + " RETURN count(e)")).isEqualTo(1);

        String renamed = fingerprint();
        curation.undo("tester"); // the rename
        assertThat(count("MATCH (e:Entity {id: 'gladiator'}) WHERE e.name = 'Gladiator' RETURN count(e)")).isEqualTo(1);
        curation.undo("tester"); // the deletion
        assertThat(count("MATCH (:Entity {id: 'gladiator'})-[:RELATION {predicate: 'released in'}]->(:Entity {id: '2000'}) RETURN count(*)"))
                .isEqualTo(1);
        assertThat(renamed).isNotEqualTo(fingerprint());
        assertThat(curation.undo("tester")).isEmpty();
    }

    @Test
    void refusesUnknownEntitiesAndBadNamesWithoutChangingTheGraph() {
        ingest();
        String before = fingerprint();
        assertThatThrownBy(() -> curation.merge("ridley scott", List.of("nobody"), "t")).isInstanceOf(EntityCuration.Refused.class)
                .hasMessageContaining("nobody");
        assertThatThrownBy(() -> curation.merge("ridley scott", List.of("ridley scott"), "t")).isInstanceOf(EntityCuration.Refused.class);
        assertThatThrownBy(() -> curation.rename("gladiator", "  ", "t")).isInstanceOf(EntityCuration.Refused.class);
        assertThatThrownBy(() -> curation.deleteRelation("gladiator", "sang", "2000", "t")).isInstanceOf(EntityCuration.Refused.class);
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(curation.audit(10)).isEmpty();
    }

    @Test
    void duplicatesAreRankedWithEvidence() {
        ingest();
        Knowledge.write(store, embedder, List.of(chunk("a#1", facts(t("the Gladiator", "starred", "Russell Crowe")))));
        List<DuplicatePair> pairs = new DuplicateFinder(store).find(10);
        assertThat(pairs).isNotEmpty();
        DuplicatePair top = pairs.get(0);
        assertThat(top.entities()).extracting(DuplicatePair.Named::name).containsExactlyInAnyOrder("Gladiator", "the Gladiator");
        assertThat(top.evidence().get(0)).contains("equal up to case, punctuation and articles");
        assertThat(pairs).extracting(p -> p.entities().stream().map(DuplicatePair.Named::name).sorted().toList())
                .doesNotContain(List.of("2000", "Ridley Scott"));
        assertThat(DuplicateFinder.canonical("The  Black-Hawk Down!")).isEqualTo("black hawk down");
    }
}
