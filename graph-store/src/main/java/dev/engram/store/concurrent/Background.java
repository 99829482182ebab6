package dev.engram.store.concurrent;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Work handed to threads beside the caller's, and waiting for it so that its failure is the caller's. */
public final class Background {
    private Background() {}

    /** {@code threads} daemon threads named {@code name}: a JVM that exits does not wait for them. */
    public static ExecutorService daemons(int threads, String name) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The value of {@code future}. A runtime exception it failed with is rethrown as it is (any other failure
     * wrapped); an interrupt while waiting keeps the thread's interrupt flag and throws with {@code interrupted}.
     */
    public static <T> T await(Future<T> future, String interrupted) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }
}
