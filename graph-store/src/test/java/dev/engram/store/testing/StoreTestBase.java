package dev.engram.store.testing;

import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.neo4j.StoreConfig;
import dev.engram.store.schema.SchemaManager;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

/** One real embedded Neo4j per test class (Bolt on an OS-chosen loopback port), emptied before each test. */
public abstract class StoreTestBase {

    @TempDir
    static Path dataDir;

    protected static GraphStore store;
    protected static HashEmbedder embedder;

    @BeforeAll
    static void openStore() {
        store = GraphStore.open(StoreConfig.embedded(dataDir, 0));
        embedder = new HashEmbedder();
        new SchemaManager(store).ensure(embedder);
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @BeforeEach
    void emptyStore() {
        try (Session session = store.session()) {
            session.run("MATCH (n) WHERE NOT n:EngramMeta CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume();
        }
        embedder.reset();
    }

    protected static long count(String cypher) {
        return count(cypher, Map.of());
    }

    protected static long count(String cypher, Map<String, Object> params) {
        try (Session session = store.session()) {
            return session.run(cypher, params).single().get(0).asLong();
        }
    }
}
