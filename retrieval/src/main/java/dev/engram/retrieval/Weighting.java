package dev.engram.retrieval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How {@code graphrag} weighed the graph against dense retrieval for one question: the share of the final PageRank
 * mass that comes from the linked seeds (the rest from the densely retrieved passages), the signals it was decided
 * from, and the rule that fired, for {@code --explain}.
 */
public record Weighting(double graphShare, Map<String, Double> signals, String reason) {
    public Weighting {
        if (!(graphShare >= 0 && graphShare <= 1)) {
            throw new IllegalArgumentException("graph share must be in [0, 1], was " + graphShare);
        }
        signals = Collections.unmodifiableMap(new LinkedHashMap<>(signals));
    }
}
