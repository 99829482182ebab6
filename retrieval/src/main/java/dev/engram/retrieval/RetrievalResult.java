package dev.engram.retrieval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a retriever found: ranked passages, and for graph modes the seeds it started from and the
 * verbalized paths that explain the ranking, with per-stage timings in milliseconds; {@code global} questions
 * also get the collection's ranked themes, and {@code graphrag} how it weighed the graph against dense retrieval
 * ({@code weighting}, null in other modes).
 */
public record RetrievalResult(List<RankedPassage> passages, List<Seed> seeds, List<VerbalizedPath> paths,
                              Map<String, Double> timingsMillis, List<Theme> themes, Weighting weighting) {
    public RetrievalResult {
        passages = List.copyOf(passages);
        seeds = List.copyOf(seeds);
        paths = List.copyOf(paths);
        themes = themes == null ? List.of() : List.copyOf(themes);
        // stage order is pipeline order, which readers of --explain and eval rely on
        timingsMillis = Collections.unmodifiableMap(new LinkedHashMap<>(timingsMillis));
    }

    /** A result without a weighting. */
    public RetrievalResult(List<RankedPassage> passages, List<Seed> seeds, List<VerbalizedPath> paths,
                           Map<String, Double> timingsMillis, List<Theme> themes) {
        this(passages, seeds, paths, timingsMillis, themes, null);
    }

    /** A result without themes. */
    public RetrievalResult(List<RankedPassage> passages, List<Seed> seeds, List<VerbalizedPath> paths,
                           Map<String, Double> timingsMillis) {
        this(passages, seeds, paths, timingsMillis, List.of(), null);
    }

    /** A result with passages only. */
    public static RetrievalResult of(List<RankedPassage> passages) {
        return new RetrievalResult(passages, List.of(), List.of(), Map.of());
    }
}
