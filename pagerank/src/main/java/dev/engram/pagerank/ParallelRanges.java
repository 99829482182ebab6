package dev.engram.pagerank;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;

/** Runs a few parts of a loop in parallel on a shared pool of daemon threads, the caller taking part 0. */
final class ParallelRanges {

    private static final ForkJoinPool POOL = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors()));

    private ParallelRanges() {
    }

    /** Calls {@code body} with 0..parts-1, concurrently, and returns when all calls have finished. */
    static void run(int parts, IntConsumer body) {
        if (parts <= 1) {
            body.accept(0);
            return;
        }
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[parts - 1];
        for (int p = 1; p < parts; p++) {
            int part = p;
            tasks[p - 1] = POOL.submit(() -> body.accept(part));
        }
        body.accept(0);
        for (ForkJoinTask<?> task : tasks) {
            task.join();
        }
    }

    /**
     * Splits nodes {@code 0..n-1} into {@code parts} contiguous ranges of about equal cost (arcs plus nodes).
     * Returns {@code parts + 1} boundaries.
     */
    static int[] balancedBounds(int[] offsets, int parts) {
        int n = offsets.length - 1;
        int[] bounds = new int[parts + 1];
        long total = (long) offsets[n] + n;
        for (int p = 1; p < parts; p++) {
            long goal = total * p / parts;
            int lo = bounds[p - 1];
            int hi = n;
            while (lo < hi) { // first node v with offsets[v] + v >= goal
                int mid = (lo + hi) >>> 1;
                if ((long) offsets[mid] + mid < goal) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            bounds[p] = lo;
        }
        bounds[parts] = n;
        return bounds;
    }
}
