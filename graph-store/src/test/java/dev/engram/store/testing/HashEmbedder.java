package dev.engram.store.testing;

import dev.engram.records.embedding.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deterministic stand-in for the real model: a text's vector is the normalised sum of one hashed signed
 * unit direction per lower-cased word, so texts sharing words are similar and disjoint texts nearly orthogonal.
 */
public final class HashEmbedder implements Embedder {

    public static final int DIMENSIONS = 384;

    private final List<String> embedded = new ArrayList<>();

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public String modelName() {
        return "test-hash-" + DIMENSIONS;
    }

    @Override
    public synchronized List<float[]> embedPassages(List<String> texts) {
        embedded.addAll(texts);
        return texts.stream().map(HashEmbedder::vector).toList();
    }

    @Override
    public float[] embedQuery(String query) {
        return vector(query);
    }

    /** Every text embedded as a passage so far, in order. */
    public synchronized List<String> embeddedTexts() {
        return List.copyOf(embedded);
    }

    public synchronized void reset() {
        embedded.clear();
    }

    public static float[] vector(String text) {
        float[] v = new float[DIMENSIONS];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            long h = mix(word.hashCode());
            for (int i = 0; i < 4; i++) { // a few slots a word keeps unrelated words from colliding completely
                int slot = (int) Long.remainderUnsigned(h >>> (i * 16), DIMENSIONS);
                v[slot] += ((h >>> (i + 60)) & 1) == 0 ? 1f : -1f;
            }
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            v[0] = 1;
            return v;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }

    private static long mix(long x) {
        x += 0x9E3779B97F4A7C15L;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    @Override
    public void close() {}
}
