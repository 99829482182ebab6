package dev.engram.extraction.embedding;

import dev.engram.records.embedding.Embedder;
import dev.engram.extraction.llm.LlmConfig;
import dev.engram.extraction.llm.LlmException;
import dev.engram.extraction.llm.OpenAiClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Embeds through an OpenAI-compatible {@code /v1/embeddings} endpoint (OpenAI, vLLM, TEI, Ollama), in batches,
 * L2-normalising what comes back. Dimensions are configured or learnt from the first answer. Thread-safe.
 */
public final class OpenAiEmbedder implements Embedder {


    private final OpenAiClient client;
    private final String queryPrefix;
    private final int batchSize;
    private volatile int dimensions;

    /**
     * An embedder over {@code client} (which it closes).
     *
     * @param queryPrefix instruction put before queries (e.g. bge's "Represent this sentence..."), "" for none
     * @param batchSize   inputs per request
     * @param dimensions  expected vector length, or 0 to learn it from the first answer
     */
    public OpenAiEmbedder(OpenAiClient client, String queryPrefix, int batchSize, int dimensions) {
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1");
        if (dimensions < 0) throw new IllegalArgumentException("dimensions must be >= 0");
        this.client = client;
        this.queryPrefix = queryPrefix == null ? "" : queryPrefix;
        this.batchSize = batchSize;
        this.dimensions = dimensions;
    }

    @Override
    public int dimensions() {
        if (dimensions == 0) {
            // Unknown until the server has answered once: ask it about a throwaway text.
            embedPassages(List.of("dimension probe"));
        }
        return dimensions;
    }

    @Override
    public String modelName() {
        return client.config().model();
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += batchSize) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + batchSize));
            for (float[] raw : client.embed(batch)) vectors.add(normalised(checkDimensions(raw)));
        }
        return vectors;
    }

    @Override
    public float[] embedQuery(String query) {
        return embedPassages(List.of(queryPrefix + query)).getFirst();
    }

    @Override
    public void close() {
        client.close();
    }

    private float[] checkDimensions(float[] vector) {
        int expected = dimensions;
        if (expected == 0) {
            synchronized (this) {
                if (dimensions == 0) dimensions = vector.length;
                expected = dimensions;
            }
        }
        if (vector.length != expected) {
            throw new LlmException(200, "Embedding server at " + client.config().baseUrl() + " returned a "
                    + vector.length + "-dimensional vector for model " + modelName() + ", expected " + expected);
        }
        return vector;
    }

    private static float[] normalised(float[] vector) {
        double sum = 0;
        for (float v : vector) sum += (double) v * v;
        // A zero vector has no direction; leave it as is rather than divide by zero.
        if (sum == 0) return vector;
        float scale = (float) (1 / Math.sqrt(sum));
        float[] out = new float[vector.length];
        for (int i = 0; i < vector.length; i++) out[i] = vector[i] * scale;
        return out;
    }
}
