package dev.engram.store.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

class GraphStoreTest {

    @TempDir
    Path dir;

    @Test
    void embeddedStoreServesBoltOnLoopbackAndClosesTwiceQuietly() {
        GraphStore store = GraphStore.open(StoreConfig.embedded(dir, 0));
        try (store) {
            assertThat(store.isEmbedded()).isTrue();
            assertThat(store.database()).isEqualTo("neo4j");
            assertThat(store.boltUri()).matches("bolt://127\\.0\\.0\\.1:\\d+").doesNotEndWith(":0");
            try (Session session = store.session()) {
                assertThat(session.run("RETURN 1 AS one").single().get("one").asInt()).isEqualTo(1);
            }
            assertThat(dir.resolve("conf/server-logs.xml")).exists();
        }
        store.close();
    }

    @Test
    void dataSurvivesReopening() {
        try (GraphStore store = GraphStore.open(StoreConfig.embedded(dir, 0)); Session session = store.session()) {
            session.run("CREATE (:Probe {id: 'kept'})").consume();
        }
        try (GraphStore store = GraphStore.open(StoreConfig.embedded(dir, 0)); Session session = store.session()) {
            assertThat(session.run("MATCH (p:Probe) RETURN p.id AS id").single().get("id").asString()).isEqualTo("kept");
        }
    }

    @Test
    void remoteModeTalksToAnyBoltServerThroughTheSameDriverPath() {
        try (GraphStore embedded = GraphStore.open(StoreConfig.embedded(dir, 0));
             GraphStore remote = GraphStore.open(StoreConfig.remote(embedded.boltUri(), null, null, null));
             Session session = remote.session()) {
            assertThat(remote.isEmbedded()).isFalse();
            assertThat(remote.database()).isEqualTo("neo4j");
            session.run("CREATE (:Probe)").consume();
            try (Session direct = embedded.session()) {
                assertThat(direct.run("MATCH (p:Probe) RETURN count(p) AS n").single().get("n").asLong()).isEqualTo(1);
            }
        }
    }

    @Test
    void unreachableServerFailsWithAClearMessage() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> GraphStore.open(StoreConfig.remote("bolt://127.0.0.1:" + freePort, "neo4j", "x", null)))
                .isInstanceOf(GraphStoreException.class)
                .hasMessageContaining("Cannot connect to Neo4j at bolt://127.0.0.1:" + freePort);
        assertThatThrownBy(() -> GraphStore.open(StoreConfig.remote("http://localhost:7474", null, null, null)))
                .isInstanceOf(GraphStoreException.class)
                .hasMessageContaining("neo4j+s://");
    }

    @Test
    void aSecondStoreOnTheSameDirectoryIsRefusedClearly() {
        try (GraphStore first = GraphStore.open(StoreConfig.embedded(dir, 0))) {
            assertThatThrownBy(() -> GraphStore.open(StoreConfig.embedded(dir, 0)))
                    .isInstanceOf(GraphStoreException.class)
                    .hasMessageContaining(dir.toAbsolutePath().normalize().toString());
            assertThat(first.session().run("RETURN 1").single().get(0).asInt()).isEqualTo(1);
        }
    }

    @Test
    void configNeverPrintsThePassword() {
        assertThat(StoreConfig.remote("neo4j+s://x.databases.neo4j.io", "neo4j", "s3cret", null).toString())
                .doesNotContain("s3cret");
        assertThat(StoreConfig.defaults().dataDir()).isEqualTo(Path.of("engram-data"));
        assertThat(StoreConfig.defaults().boltPort()).isEqualTo(7687);
        assertThat(Files.exists(dir)).isTrue();
    }
}
