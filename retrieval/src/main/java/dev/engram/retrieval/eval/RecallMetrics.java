package dev.engram.retrieval.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Recall@k and all-evidence@k as defined in ../shared/data/README.md, over gold passage ids. */
public final class RecallMetrics {
    private RecallMetrics() {}

    /** |top-k ∩ gold| / |gold|. */
    public static double recallAt(List<String> rankedIds, List<String> gold, int k) {
        if (gold.isEmpty()) {
            return 0;
        }
        Set<String> top = new HashSet<>(rankedIds.subList(0, Math.min(k, rankedIds.size())));
        long hit = gold.stream().distinct().filter(top::contains).count();
        return (double) hit / gold.stream().distinct().count();
    }

    /** 1 when every gold passage is in the top k, else 0. */
    public static double allEvidenceAt(List<String> rankedIds, List<String> gold, int k) {
        return recallAt(rankedIds, gold, k) == 1.0 ? 1 : 0;
    }
}
