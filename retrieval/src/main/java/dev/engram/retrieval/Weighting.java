package dev.engram.retrieval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How {@code graphrag} weighed the graph against dense retrieval for one question: the share of the first-round
 * PageRank mass that comes from the linked seeds (the rest from the densely retrieved passages), the signals it was
 * decided from and the rule that fired; then the share of the final ranking given to the second round, the walk
 * restarted from the first round's top passages ({@code bridgeChunks}), which finds the passages sharing their
 * entities, and from the bridge entities those passages' facts lead to ({@code bridgeFacts}: the facts whose
 * predicate matches the question). For {@code --explain}.
 */
public record Weighting(double graphShare, Map<String, Double> signals, String reason, double bridgeShare,
                        List<String> bridgeChunks, List<String> bridgeFacts) {
    public Weighting {
        if (!(graphShare >= 0 && graphShare <= 1) || !(bridgeShare >= 0 && bridgeShare <= 1)) {
            throw new IllegalArgumentException("shares must be in [0, 1], were " + graphShare + ", " + bridgeShare);
        }
        signals = Collections.unmodifiableMap(new LinkedHashMap<>(signals));
        bridgeChunks = List.copyOf(bridgeChunks);
        bridgeFacts = List.copyOf(bridgeFacts);
    }

    /** A first-round weighting, before any second round. */
    public Weighting(double graphShare, Map<String, Double> signals, String reason) {
        this(graphShare, signals, reason, 0, List.of(), List.of());
    }

    /** This weighting with a second round over {@code chunks} taking {@code share} of the final ranking. */
    public Weighting withBridge(double share, List<String> chunks) {
        return withBridge(share, chunks, List.of());
    }

    /** This weighting with a second round over {@code chunks} and the bridge entities of {@code facts}. */
    public Weighting withBridge(double share, List<String> chunks, List<String> facts) {
        return new Weighting(graphShare, signals, reason, share, chunks, facts);
    }
}
