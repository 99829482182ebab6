package dev.engram.store.community;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.store.testing.StoreTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

class CommunityStoreTest extends StoreTestBase {

    @Test
    void storesCommunitiesWithMembershipParentsAndEmbeddingsAndReplacesThem() {
        try (Session s = store.session()) {
            s.run("UNWIND ['a','b','c'] AS id CREATE (:Entity {id: id, name: toUpper(id)})").consume();
            s.run("UNWIND ['doc#0','doc#1'] AS id CREATE (:Chunk {id: id})").consume();
        }
        float[] vector = new float[embedder.dimensions()];
        vector[0] = 1f;
        CommunityRecord top = new CommunityRecord("c0", 0, null, 3, "A, B, C", List.of("k1"),
                List.of(new CitedLine("A likes B", "doc#0", "doc", "Doc")),
                List.of(new CitedLine("A likes B a lot.", "doc#0", "doc", "Doc")), "A, B, C. A likes B.", null, 1, 1,
                List.of("a", "b", "c"), List.of("doc#0", "doc#1"), vector);
        CommunityRecord child = new CommunityRecord("c0.0", 1, "c0", 2, "A, B", List.of(), List.of(), List.of(),
                "A, B.", "An LLM report [1].", 1, 1, List.of("a", "b"), List.of(), vector);
        CommunityStore communities = new CommunityStore(store);
        communities.replaceAll(List.of(top, child), CommunityProgress.NONE);

        assertThat(count("MATCH (:Entity)-[:IN_COMMUNITY]->(:Community {id: 'c0'}) RETURN count(*)")).isEqualTo(3);
        assertThat(count("MATCH (:Chunk)-[:IN_COMMUNITY]->(:Community {id: 'c0'}) RETURN count(*)")).isEqualTo(2);
        assertThat(count("MATCH (:Community {id: 'c0.0'})-[:PARENT]->(:Community {id: 'c0'}) RETURN count(*)"))
                .isEqualTo(1);
        assertThat(count("SHOW VECTOR INDEXES YIELD name WHERE name = 'engram_community_embedding' RETURN count(*)"))
                .isEqualTo(1);
        assertThat(count("""
                CALL db.index.vector.queryNodes('engram_community_embedding', 2, $v) YIELD node RETURN count(node)
                """, java.util.Map.of("v", vector))).isEqualTo(2);

        List<CommunityRecord> read = communities.all();
        assertThat(read).extracting(CommunityRecord::id).containsExactly("c0", "c0.0");
        CommunityRecord back = read.get(0);
        assertThat(back.facts()).containsExactly(new CitedLine("A likes B", "doc#0", "doc", "Doc"));
        assertThat(back.sentences()).hasSize(1);
        assertThat(back.entityIds()).containsExactly("a", "b", "c");
        assertThat(back.chunkIds()).containsExactly("doc#0", "doc#1");
        assertThat(read.get(1).chunkIds()).isEmpty();
        assertThat(back.embedding()).hasSize(embedder.dimensions());
        assertThat(read.get(1).parentId()).isEqualTo("c0");
        assertThat(read.get(1).text()).isEqualTo("An LLM report [1].");

        communities.replaceAll(List.of(child.at(0, null)), CommunityProgress.NONE);
        assertThat(communities.all()).extracting(CommunityRecord::id).containsExactly("c0.0");
        assertThat(count("MATCH ()-[r:IN_COMMUNITY]->() RETURN count(r)")).isEqualTo(2);
        assertThat(count("MATCH (e:Entity) RETURN count(e)")).isEqualTo(3); // entities are never touched
    }
}
