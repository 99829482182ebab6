package dev.engram.store.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.store.testing.StoreTestBase;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

/** Two writers locking the same nodes in opposite order deadlock for real; the write path retries and each lands once. */
class TransientRetryTest extends StoreTestBase {

    @Test
    void aDeadlockedWriteIsRetriedAndLandsExactlyOnce() {
        try (Session session = store.session()) {
            session.run("CREATE (:RetryProbe {key: 'a', n: 0}), (:RetryProbe {key: 'b', n: 0})").consume();
        }
        CountDownLatch bothHoldTheirFirstLock = new CountDownLatch(2);
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<Void> forward = CompletableFuture.runAsync(
                () -> lockInOrder("a", "b", bothHoldTheirFirstLock, attempts));
        CompletableFuture<Void> backward = CompletableFuture.runAsync(
                () -> lockInOrder("b", "a", bothHoldTheirFirstLock, attempts));
        CompletableFuture.allOf(forward, backward).orTimeout(60, TimeUnit.SECONDS).join();

        assertThat(attempts.get()).as("one writer was chosen as the deadlock victim and ran again").isGreaterThan(2);
        assertThat(count("MATCH (p:RetryProbe) RETURN sum(p.n)")).as("each of the two writes counted once").isEqualTo(4);
        assertThat(count("MATCH (p:RetryProbe {key: 'a'}) RETURN p.n")).isEqualTo(2);
    }

    private static void lockInOrder(String first, String second, CountDownLatch bothHoldTheirFirstLock,
            AtomicInteger attempts) {
        try (Session session = store.session()) {
            session.executeWriteWithoutResult(tx -> {
                attempts.incrementAndGet();
                tx.run("MATCH (p:RetryProbe {key: $key}) SET p.n = p.n + 1", java.util.Map.of("key", first)).consume();
                bothHoldTheirFirstLock.countDown();
                try {
                    bothHoldTheirFirstLock.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                tx.run("MATCH (p:RetryProbe {key: $key}) SET p.n = p.n + 1", java.util.Map.of("key", second)).consume();
            });
        }
    }
}
