package dev.engram.store.stats;

import static dev.engram.store.testing.Docs.doc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.store.lexical.DocumentWriter;
import dev.engram.store.testing.StoreTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphStatsTest extends StoreTestBase {

    @Test
    void countsNodesRelationshipsAndIndexes() {
        new DocumentWriter(store).write(List.of(doc("a", "A", "one", "two", "three")));

        GraphStats stats = GraphStats.collect(store);

        assertThat(stats.nodes("Document")).isEqualTo(1);
        assertThat(stats.nodes("Chunk")).isEqualTo(3);
        assertThat(stats.nodes("Entity")).isZero();
        assertThat(stats.relationships("PART_OF")).isEqualTo(3);
        assertThat(stats.relationships("NEXT")).isEqualTo(2);
        assertThat(stats.relationships("FIRST")).isEqualTo(1);
        assertThat(stats.indexes()).isNotEmpty().allSatisfy(i -> assertThat(i.populationPercent()).isEqualTo(100.0));
        assertThat(stats.format()).contains("Chunk").contains("PART_OF").contains("100.0%");
    }
}
