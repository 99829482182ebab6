package dev.engram.store.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.store.stats.GraphStats;
import dev.engram.store.stats.IndexStatus;
import dev.engram.store.testing.StoreTestBase;
import org.junit.jupiter.api.Test;

class SchemaManagerTest extends StoreTestBase {

    @Test
    void createsEveryIndexOnlineAndIsIdempotent() {
        SchemaManager schema = new SchemaManager(store);
        schema.ensure(embedder);
        schema.ensure(embedder);
        GraphStats stats = GraphStats.collect(store);
        assertThat(stats.indexes()).extracting(IndexStatus::name).contains(
                IndexNames.CHUNK_EMBEDDING, IndexNames.ENTITY_EMBEDDING, IndexNames.FACT_EMBEDDING,
                IndexNames.CHUNK_TEXT, IndexNames.ENTITY_NAME, IndexNames.COMMUNITY_EMBEDDING,
                "engram_document_id", "engram_chunk_id", "engram_entity_id", "engram_community_id", "engram_section_id",
                "engram_section_document", "engram_ingestjob_id");
        assertThat(stats.indexes()).allSatisfy(i -> assertThat(i.state()).isEqualTo("ONLINE"));
        assertThat(count("SHOW CONSTRAINTS YIELD name WHERE name STARTS WITH 'engram_' RETURN count(*)")).isEqualTo(6);
        assertThat(count("MATCH (m:EngramMeta) RETURN count(m)")).isEqualTo(1);
        assertThat(stats.format()).contains(IndexNames.FACT_EMBEDDING).contains("ONLINE");
        assertThat(schema.storedModel()).contains(new StoredModel(embedder.modelName(), embedder.dimensions()));
    }

    @Test
    void refusesAnotherModelOrDimension() {
        SchemaManager schema = new SchemaManager(store);
        assertThatThrownBy(() -> schema.ensure("other-model", embedder.dimensions()))
                .isInstanceOf(StoreModelMismatchException.class)
                .hasMessageContaining(embedder.modelName())
                .hasMessageContaining("other-model");
        assertThatThrownBy(() -> schema.ensure(embedder.modelName(), 768))
                .isInstanceOf(StoreModelMismatchException.class)
                .hasMessageContaining("768");
    }

    @Test
    void aStoreSetUpByThisSchemaIsOnlyReadAndAnOlderOneIsMigrated() {
        SchemaManager schema = new SchemaManager(store);
        schema.ensure(embedder);
        try (var session = store.session()) {
            session.run("DROP INDEX engram_chunk_document").consume();
        }
        schema.ensure(embedder);
        assertThat(count("SHOW INDEXES YIELD name WHERE name = 'engram_chunk_document' RETURN count(*)"))
                .as("the recorded schema version skips the statements").isZero();
        try (var session = store.session()) {
            session.run("MATCH (m:EngramMeta) SET m.schemaVersion = 'older'").consume();
        }
        schema.ensure(embedder);
        assertThat(count("SHOW INDEXES YIELD name WHERE name = 'engram_chunk_document' RETURN count(*)")).isEqualTo(1);
    }
}
