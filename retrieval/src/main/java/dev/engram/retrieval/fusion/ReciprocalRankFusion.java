package dev.engram.retrieval.fusion;

import dev.engram.retrieval.RankedPassage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack et al. 2009): score = sum of weight / (k + rank) over the rankings.
 * Rank-based, so dense cosine and BM25 scores need no calibration against each other.
 */
public final class ReciprocalRankFusion {
    /** The usual smoothing constant from the paper. */
    public static final int DEFAULT_K = 60;

    private final int k;

    /** Fusion with smoothing constant {@code k}. */
    public ReciprocalRankFusion(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("RRF k must be >= 0");
        }
        this.k = k;
    }

    /** Fuses weighted rankings and keeps the best {@code topK}; the passage text comes from its first ranking. */
    public List<RankedPassage> fuse(List<List<RankedPassage>> rankings, double[] weights, int topK) {
        Map<String, RankedPassage> first = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int r = 0; r < rankings.size(); r++) {
            List<RankedPassage> ranking = rankings.get(r);
            double w = weights == null ? 1.0 : weights[r];
            for (int i = 0; i < ranking.size(); i++) {
                RankedPassage p = ranking.get(i);
                first.putIfAbsent(p.chunkId(), p);
                scores.merge(p.chunkId(), w / (k + i + 1), Double::sum);
            }
        }
        List<RankedPassage> fused = new ArrayList<>(scores.size());
        scores.forEach((id, s) -> {
            RankedPassage p = first.get(id);
            fused.add(p.withScore(s));
        });
        fused.sort(Comparator.comparingDouble(RankedPassage::score).reversed());
        return fused.size() > topK ? List.copyOf(fused.subList(0, topK)) : List.copyOf(fused);
    }
}
