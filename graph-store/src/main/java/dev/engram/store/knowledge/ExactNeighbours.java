package dev.engram.store.knowledge;

import dev.engram.store.concurrent.Background;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * The symmetric synonym rule computed exactly, by blocked brute force over unit vectors: items {@code i < j} are a
 * pair when their cosine is at least the threshold and either is among the other's {@code k} most similar items
 * (ties broken by the lower index). Every dot product is computed once, always as {@code dot(i, j)} with {@code i < j}
 * in the same summation order, so the result depends only on the vectors and their order, never on thread timing.
 */
public final class ExactNeighbours {
    // rows a task takes, and columns compared with them at a time (a tile of 256 × 384 floats stays in L2)
    private static final int ROW_BLOCK = 64;
    private static final int COLUMN_TILE = 256;
    private static final DotKernel DOT = DotKernel.BEST;

    /** One pair of the result: indexes {@code a < b} and their cosine. */
    public record Pair(int a, int b, float cosine) {}

    private final float threshold;
    private final int k;
    private final int threads;

    /** The rule at {@code threshold} (a cosine) and {@code k} neighbours, computed on {@code threads} threads. */
    public ExactNeighbours(double threshold, int k, int threads) {
        if (k < 1 || threads < 1) {
            throw new IllegalArgumentException("k and threads must be positive");
        }
        this.threshold = (float) threshold;
        this.k = k;
        this.threads = threads;
    }

    /**
     * The pairs of {@code vectors} (row-major, {@code dims} floats each, already unit length), ordered by
     * {@code a} then {@code b}; {@code progress} hears how many of the n(n-1)/2 comparisons are done, now and then.
     */
    public List<Pair> pairs(float[] vectors, int dims, LongConsumer progress) {
        int n = vectors.length / dims;
        if (n * dims != vectors.length) {
            throw new IllegalArgumentException("vectors hold " + vectors.length + " floats, not a multiple of " + dims);
        }
        int blocks = (n + ROW_BLOCK - 1) / ROW_BLOCK;
        AtomicInteger next = new AtomicInteger();
        AtomicLong compared = new AtomicLong();
        int workers = Math.max(1, Math.min(threads, blocks));
        TopK[] local = new TopK[workers];
        ExecutorService pool = Background.daemons(workers, "engram-synonyms");
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                TopK mine = local[w] = new TopK(n, k);
                futures.add(pool.submit(() -> {
                    for (int block; (block = next.getAndIncrement()) < blocks; ) {
                        long done = compareBlock(vectors, dims, n, block * ROW_BLOCK, mine);
                        progress.accept(compared.addAndGet(done));
                    }
                }));
            }
            for (Future<?> f : futures) {
                Background.await(f, "synonym computation interrupted");
            }
        } finally {
            pool.shutdownNow();
        }
        return merge(local, n);
    }

    // rows [from, from + ROW_BLOCK) against every later column, a tile of columns at a time (a tile stays in cache
    // while the block's rows pass over it); returns the number of comparisons
    private long compareBlock(float[] v, int dims, int n, int from, TopK top) {
        int to = Math.min(n, from + ROW_BLOCK);
        long count = 0;
        for (int tile = from; tile < n; tile += COLUMN_TILE) {
            int tileEnd = Math.min(n, tile + COLUMN_TILE);
            for (int i = from; i < to; i++) {
                int ai = i * dims;
                int first = Math.max(tile, i + 1);
                for (int j = first; j < tileEnd; j++) {
                    float s = dot(v, ai, j * dims, dims);
                    if (s >= threshold) {
                        top.offer(i, j, s);
                        top.offer(j, i, s);
                    }
                }
                count += Math.max(0, tileEnd - first);
            }
        }
        return count;
    }

    /** The dot product the comparison uses (SIMD when the JVM has the Vector API). */
    static float dot(float[] v, int a, int b, int dims) {
        return DOT.dot(v, a, b, dims);
    }

    // each row's global top k is inside the union of the threads' top k, since every pair was offered to one thread
    private List<Pair> merge(TopK[] local, int n) {
        TopK all = new TopK(n, k);
        for (TopK t : local) {
            for (int i = 0; i < n; i++) {
                for (int r = 0; r < t.size[i]; r++) {
                    all.offer(i, t.index[i * k + r], t.score[i * k + r]);
                }
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < all.size[i]; r++) {
                int j = all.index[i * k + r];
                float s = all.score[i * k + r];
                if (i < j) {
                    pairs.add(new Pair(i, j, s));
                } else if (!all.contains(j, i)) {
                    pairs.add(new Pair(j, i, s)); // j's own list lacks i: the pair is only in i's top k
                }
            }
        }
        pairs.sort((x, y) -> x.a != y.a ? Integer.compare(x.a, y.a) : Integer.compare(x.b, y.b));
        return pairs;
    }

    /** The k best (highest score, then lowest index) neighbours of every row, in flat sorted arrays. */
    private static final class TopK {
        final int k;
        final int[] size;
        final int[] index;
        final float[] score;

        TopK(int n, int k) {
            this.k = k;
            this.size = new int[n];
            this.index = new int[n * k];
            this.score = new float[n * k];
            Arrays.fill(index, -1);
        }

        void offer(int row, int j, float s) {
            int base = row * k;
            int filled = size[row];
            if (filled == k && !better(s, j, score[base + k - 1], index[base + k - 1])) {
                return;
            }
            int at = filled == k ? k - 1 : filled;
            while (at > 0 && better(s, j, score[base + at - 1], index[base + at - 1])) {
                score[base + at] = score[base + at - 1];
                index[base + at] = index[base + at - 1];
                at--;
            }
            score[base + at] = s;
            index[base + at] = j;
            if (filled < k) {
                size[row] = filled + 1;
            }
        }

        boolean contains(int row, int j) {
            for (int r = 0; r < size[row]; r++) {
                if (index[row * k + r] == j) {
                    return true;
                }
            }
            return false;
        }

        private static boolean better(float s, int j, float s2, int j2) {
            return s > s2 || (s == s2 && j < j2);
        }
    }
}
