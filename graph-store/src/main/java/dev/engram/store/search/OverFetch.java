package dev.engram.store.search;

import java.util.List;
import java.util.function.IntFunction;

/**
 * Index searches cannot filter by access, so a filtered search asks the index for more hits than it needs,
 * and more again while filtering leaves too few and the index still has candidates.
 */
final class OverFetch {

    private static final int MAX_FETCH = 100_000;

    private OverFetch() {}

    /** Runs {@code search(fetch)} (returning filtered results and the unfiltered hit count) until k are found. */
    static <T> List<T> search(int k, boolean filtered, IntFunction<Page<T>> search) {
        if (k <= 0) {
            return List.of();
        }
        int fetch = filtered ? Math.max(4 * k, 100) : k;
        while (true) {
            Page<T> page = search.apply(fetch);
            boolean exhausted = page.hits() < fetch;
            if (page.results().size() >= k || exhausted || fetch >= MAX_FETCH) {
                return page.results().size() > k ? page.results().subList(0, k) : page.results();
            }
            fetch = (int) Math.min(MAX_FETCH, 4L * fetch);
        }
    }

    /** Results after filtering, and how many hits the index returned before filtering. */
    record Page<T>(List<T> results, long hits) {}
}
