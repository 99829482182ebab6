package dev.engram.store.neo4j;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Splits write parameters into transactions of bounded size, so one huge ingest never builds one huge transaction. */
public final class Batches {

    /** Rows per write transaction (the design's ~1,000). */
    public static final int ROWS = 1_000;

    private Batches() {}

    /** Consecutive slices of at most {@code size} items, in order; empty input gives no slices. */
    public static <T> List<List<T>> of(Collection<T> items, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        List<T> all = items instanceof List<T> list ? list : new ArrayList<>(items);
        List<List<T>> slices = new ArrayList<>((all.size() + size - 1) / size);
        for (int from = 0; from < all.size(); from += size) {
            slices.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return slices;
    }

    /** Slices of at most {@link #ROWS} items. */
    public static <T> List<List<T>> of(Collection<T> items) {
        return of(items, ROWS);
    }
}
