package dev.engram.retrieval;

import dev.engram.records.embedding.Embedder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An embedder that remembers the vectors of the last few queries, so that the stages of one question (retrieval,
 * grading, retries) embed it once. Passages go straight through. Thread-safe; closing it leaves the delegate open.
 */
public final class RecentQueries implements Embedder {
    private final Embedder delegate;
    private final Map<String, float[]> recent;

    /** Remembers up to {@code size} queries of {@code delegate}. */
    public RecentQueries(Embedder delegate, int size) {
        this.delegate = delegate;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > size;
            }
        };
    }

    @Override
    public int dimensions() {
        return delegate.dimensions();
    }

    @Override
    public String modelName() {
        return delegate.modelName();
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        return delegate.embedPassages(texts);
    }

    @Override
    public float[] embedQuery(String query) {
        float[] known;
        synchronized (recent) {
            known = recent.get(query);
        }
        if (known == null) {
            known = delegate.embedQuery(query);
            synchronized (recent) {
                recent.put(query, known);
            }
        }
        return known.clone();
    }

    @Override
    public void close() {
        // the delegate belongs to whoever made it
    }
}
