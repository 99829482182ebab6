package dev.engram.app.bench.scale;

import dev.engram.records.embedding.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A cheap deterministic embedder for the scale benchmark's synthetic text: each lower-cased word maps to a fixed
 * pseudo-random unit vector (feature hashing), a text to the normalised sum of its words' vectors. Texts sharing
 * words are similar, so vector search, fact linking and synonym detection behave as they would with a model, at a
 * tiny fraction of the cost. It is for measuring speed at scale only, never quality.
 */
public final class HashedEmbedder implements Embedder {
    private final int dimensions;

    /** An embedder of {@code dimensions} dimensions. */
    public HashedEmbedder(int dimensions) {
        if (dimensions < 2) {
            throw new IllegalArgumentException("need at least 2 dimensions, got " + dimensions);
        }
        this.dimensions = dimensions;
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public String modelName() {
        return "hashed-words-" + dimensions;
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(embed(text));
        }
        return out;
    }

    @Override
    public float[] embedQuery(String query) {
        return embed(query);
    }

    /** The vector of one text. */
    public float[] embed(String text) {
        double[] sum = new double[dimensions];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            long state = word.hashCode() * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
            for (int i = 0; i < dimensions; i++) {
                state = mix(state + 0x9E3779B97F4A7C15L);
                sum[i] += (state >>> 11) * 0x1.0p-53 * 2 - 1;
            }
        }
        double norm = 0;
        for (double v : sum) {
            norm += v * v;
        }
        float[] vector = new float[dimensions];
        if (norm == 0) {
            vector[0] = 1;
            return vector;
        }
        double inv = 1 / Math.sqrt(norm);
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) (sum[i] * inv);
        }
        return vector;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public void close() {
    }
}
