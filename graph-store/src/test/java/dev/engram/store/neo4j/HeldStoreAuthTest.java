package dev.engram.store.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.neo4j.driver.Session;

/**
 * A data directory held by a process whose Bolt port needs a password (a server with API keys): a second process
 * gets in through the holder only with that password, and without it changes nothing.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HeldStoreAuthTest {
    private static final String PASSWORD = "holder-password-1";

    @RegisterExtension
    static final ChildNeo4jServer holder = new ChildNeo4jServer("holder", PASSWORD);

    @Test
    void withoutThePasswordNothingGetsInAndNothingChanges() {
        assertThatThrownBy(() -> GraphStore.open(StoreConfig.embedded(holder.data(), 0)).close())
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> GraphStore.open(StoreConfig.embedded(holder.data(), 0).withBoltPassword("wrong-password")).close())
                .isInstanceOf(RuntimeException.class);
        try (GraphStore shared = GraphStore.open(StoreConfig.embedded(holder.data(), 0).withBoltPassword(PASSWORD));
             Session session = shared.session()) {
            assertThat(session.run("MATCH (n:AuthProbe) RETURN count(n)").single().get(0).asLong()).isZero();
        }
    }

    @Test
    void withThePasswordTheSecondProcessWorksThroughTheHolder() {
        try (GraphStore shared = GraphStore.open(StoreConfig.embedded(holder.data(), 0).withBoltPassword(PASSWORD))) {
            assertThat(shared.isEmbedded()).isFalse();
            assertThat(shared.heldBy()).hasValueSatisfying(h -> assertThat(h.pid()).isEqualTo(holder.process().pid()));
            try (Session session = shared.session()) {
                session.run("CREATE (:AuthProbe2 {at: 1})").consume();
                assertThat(session.run("MATCH (n:AuthProbe2) RETURN count(n)").single().get(0).asLong()).isOne();
                session.run("MATCH (n:AuthProbe2) DELETE n").consume();
            }
        }
    }
}
