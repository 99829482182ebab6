package dev.engram.pagerank;

import java.util.function.IntPredicate;

/** Indices of the k largest scores, by a bounded min-heap: O(n log k), without sorting the whole vector. */
public final class TopK {

    private TopK() {
    }

    /** The (at most) {@code k} indices with the largest scores, highest first; ties go to the lower index; NaN is skipped. */
    public static int[] of(double[] scores, int k) {
        return of(scores, k, null);
    }

    /**
     * Like {@link #of(double[], int)} but only over indices accepted by {@code filter} (null accepts all), e.g. to
     * rank only chunk nodes.
     */
    public static int[] of(double[] scores, int k, IntPredicate filter) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        int cap = Math.min(k, scores.length);
        int[] heap = new int[cap]; // heap[0] is the weakest kept index
        int size = 0;
        for (int i = 0; i < scores.length && cap > 0; i++) {
            if (wanted(scores, i, filter)) {
                size = offer(heap, size, i, scores);
            }
        }
        return drain(heap, size, scores);
    }

    /**
     * Like {@link #of(double[], int, IntPredicate)} but only over the first {@code count} entries of
     * {@code candidates} (distinct indices), e.g. the nodes a local PageRank touched: O(count log k), not O(n).
     */
    public static int[] of(double[] scores, int[] candidates, int count, int k, IntPredicate filter) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        int cap = Math.min(k, count);
        int[] heap = new int[cap];
        int size = 0;
        for (int c = 0; c < count && cap > 0; c++) {
            int i = candidates[c];
            if (wanted(scores, i, filter)) {
                size = offer(heap, size, i, scores);
            }
        }
        return drain(heap, size, scores);
    }

    private static boolean wanted(double[] scores, int i, IntPredicate filter) {
        return !Double.isNaN(scores[i]) && (filter == null || filter.test(i));
    }

    /** Keeps {@code i} in the heap (of capacity {@code heap.length}) if there is room or it beats the weakest; the new size. */
    private static int offer(int[] heap, int size, int i, double[] scores) {
        if (size < heap.length) {
            heap[size] = i;
            siftUp(heap, size, scores);
            return size + 1;
        }
        if (better(i, heap[0], scores)) {
            heap[0] = i;
            siftDown(heap, size, scores);
        }
        return size;
    }

    /** The heap's indices, best first (pops the weakest first and fills from the back). */
    private static int[] drain(int[] heap, int size, double[] scores) {
        int[] result = new int[size];
        for (int out = size - 1; out >= 0; out--) {
            result[out] = heap[0];
            heap[0] = heap[--size];
            siftDown(heap, size, scores);
        }
        return result;
    }

    /** Whether index a ranks above index b. */
    private static boolean better(int a, int b, double[] scores) {
        return scores[a] > scores[b] || (scores[a] == scores[b] && a < b);
    }

    private static void siftUp(int[] heap, int pos, double[] scores) {
        int item = heap[pos];
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (!better(heap[parent], item, scores)) {
                break;
            }
            heap[pos] = heap[parent];
            pos = parent;
        }
        heap[pos] = item;
    }

    private static void siftDown(int[] heap, int size, double[] scores) {
        if (size == 0) {
            return;
        }
        int pos = 0;
        int item = heap[0];
        while (true) {
            int child = 2 * pos + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && better(heap[child], heap[child + 1], scores)) {
                child++;
            }
            if (!better(item, heap[child], scores)) {
                break;
            }
            heap[pos] = heap[child];
            pos = child;
        }
        heap[pos] = item;
    }
}
