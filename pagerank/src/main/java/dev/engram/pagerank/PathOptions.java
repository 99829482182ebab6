package dev.engram.pagerank;

import java.util.function.IntPredicate;

/**
 * How {@link ShortestPaths} searches and which of the fewest-hop paths it returns.
 *
 * @param maxHops           longest path considered, >= 1
 * @param selection         all fewest-hop paths, or only the heaviest few of them
 * @param maxPathsPerTarget cap on paths returned per target (for {@link Selection#ALL_TIES} it bounds enumeration,
 *                          since the number of ties can grow exponentially with hops)
 * @param allowedArc        arcs the search may use (e.g. only RELATION arcs the caller may read); null allows all
 */
public record PathOptions(int maxHops, Selection selection, int maxPathsPerTarget, IntPredicate allowedArc) {

    /** Which fewest-hop paths to return; in both cases they come heaviest first (higher weight = stronger link). */
    public enum Selection {
        /** Every fewest-hop path (up to the cap). */
        ALL_TIES,
        /** The {@code maxPathsPerTarget} fewest-hop paths with the largest total arc weight. */
        HEAVIEST
    }

    /** Validates the ranges. */
    public PathOptions {
        if (maxHops < 1) {
            throw new IllegalArgumentException("maxHops must be >= 1, got " + maxHops);
        }
        if (maxPathsPerTarget < 1) {
            throw new IllegalArgumentException("maxPathsPerTarget must be >= 1, got " + maxPathsPerTarget);
        }
        if (selection == null) {
            throw new IllegalArgumentException("selection is required");
        }
    }

    /** All fewest-hop paths up to {@code maxHops}, at most 1000 per target, over every arc. */
    public static PathOptions allTies(int maxHops) {
        return new PathOptions(maxHops, Selection.ALL_TIES, 1000, null);
    }

    /** The {@code count} heaviest fewest-hop paths per target up to {@code maxHops}, over every arc. */
    public static PathOptions heaviest(int maxHops, int count) {
        return new PathOptions(maxHops, Selection.HEAVIEST, count, null);
    }

    /** Copy restricted to arcs accepted by {@code filter}. */
    public PathOptions withAllowedArc(IntPredicate filter) {
        return new PathOptions(maxHops, selection, maxPathsPerTarget, filter);
    }

    /** Copy with another per-target cap. */
    public PathOptions withMaxPathsPerTarget(int value) {
        return new PathOptions(maxHops, selection, value, allowedArc);
    }
}
