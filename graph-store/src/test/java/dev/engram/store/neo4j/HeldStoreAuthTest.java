package dev.engram.store.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

/**
 * A data directory held by a process whose Bolt port needs a password (a server with API keys): a second process
 * gets in through the holder only with that password, and without it changes nothing.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HeldStoreAuthTest {
    private static final String PASSWORD = "holder-password-1";

    @TempDir
    static Path dir;

    private static Neo4jServerProcess.Child child;
    private static Process holder;
    private static Path data;

    @BeforeAll
    static void startHolder() throws Exception {
        data = dir.resolve("held-data");
        child = Neo4jServerProcess.launch(data, dir.resolve("holder.log"), PASSWORD);
        holder = child.process();
    }

    @AfterAll
    static void stopHolder() throws Exception {
        if (child != null) {
            child.close();
        }
    }

    @Test
    void withoutThePasswordNothingGetsInAndNothingChanges() {
        assertThatThrownBy(() -> GraphStore.open(StoreConfig.embedded(data, 0)).close())
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> GraphStore.open(StoreConfig.embedded(data, 0).withBoltPassword("wrong-password")).close())
                .isInstanceOf(RuntimeException.class);
        try (GraphStore shared = GraphStore.open(StoreConfig.embedded(data, 0).withBoltPassword(PASSWORD));
             Session session = shared.session()) {
            assertThat(session.run("MATCH (n:AuthProbe) RETURN count(n)").single().get(0).asLong()).isZero();
        }
    }

    @Test
    void withThePasswordTheSecondProcessWorksThroughTheHolder() {
        try (GraphStore shared = GraphStore.open(StoreConfig.embedded(data, 0).withBoltPassword(PASSWORD))) {
            assertThat(shared.isEmbedded()).isFalse();
            assertThat(shared.heldBy()).hasValueSatisfying(h -> assertThat(h.pid()).isEqualTo(holder.pid()));
            try (Session session = shared.session()) {
                session.run("CREATE (:AuthProbe2 {at: 1})").consume();
                assertThat(session.run("MATCH (n:AuthProbe2) RETURN count(n)").single().get(0).asLong()).isOne();
                session.run("MATCH (n:AuthProbe2) DELETE n").consume();
            }
        }
    }
}
