package dev.engram.pagerank;

import java.util.function.IntPredicate;

/**
 * How {@link ShortestPaths} searches and which of the fewest-hop paths it returns.
 *
 * @param maxHops           longest path considered, >= 1
 * @param selection         all fewest-hop paths, or only the heaviest few of them
 * @param maxPathsPerTarget cap on paths returned per target (for {@link Selection#ALL_TIES} it bounds enumeration,
 *                          since the number of ties can grow exponentially with hops)
 * @param allowedArc        arcs the search may use, given with the node they leave (e.g. only RELATION arcs the
 *                          caller may read); null allows all
 * @param targetLimit       only arcs to nodes below this id are followed; since a node's arcs are sorted by target,
 *                          its scan stops at the first arc beyond (e.g. entities numbered before chunks: a search over
 *                          entity–entity arcs never reads a hub's mention arcs)
 * @param maxArcVisits      the search stops expanding once it has scanned this many arcs; the paths it returns are
 *                          still fewest-hop (breadth-first layers), but targets beyond the budget get none
 */
public record PathOptions(int maxHops, Selection selection, int maxPathsPerTarget, ArcFilter allowedArc,
                          int targetLimit, long maxArcVisits) {

    /** Which arcs a search may follow. */
    @FunctionalInterface
    public interface ArcFilter {
        /** Whether the search may follow {@code arc}, which leaves node {@code from}. */
        boolean allows(int from, int arc);
    }

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
        if (maxArcVisits < 1) {
            throw new IllegalArgumentException("maxArcVisits must be >= 1, got " + maxArcVisits);
        }
    }

    /** All fewest-hop paths up to {@code maxHops}, at most 1000 per target, over every arc. */
    public static PathOptions allTies(int maxHops) {
        return new PathOptions(maxHops, Selection.ALL_TIES, 1000, null, Integer.MAX_VALUE, Long.MAX_VALUE);
    }

    /** The {@code count} heaviest fewest-hop paths per target up to {@code maxHops}, over every arc. */
    public static PathOptions heaviest(int maxHops, int count) {
        return new PathOptions(maxHops, Selection.HEAVIEST, count, null, Integer.MAX_VALUE, Long.MAX_VALUE);
    }

    /** Copy restricted to arcs accepted by {@code filter}. */
    public PathOptions withAllowedArc(IntPredicate filter) {
        return new PathOptions(maxHops, selection, maxPathsPerTarget, (from, arc) -> filter.test(arc), targetLimit,
                maxArcVisits);
    }

    /** Copy restricted to arcs accepted by {@code filter}, which also learns the node each arc leaves. */
    public PathOptions withAllowedStep(ArcFilter filter) {
        return new PathOptions(maxHops, selection, maxPathsPerTarget, filter, targetLimit, maxArcVisits);
    }

    /** Copy following only arcs to nodes below {@code limit}. */
    public PathOptions withTargetLimit(int limit) {
        return new PathOptions(maxHops, selection, maxPathsPerTarget, allowedArc, limit, maxArcVisits);
    }

    /** Copy that stops expanding after scanning {@code budget} arcs. */
    public PathOptions withMaxArcVisits(long budget) {
        return new PathOptions(maxHops, selection, maxPathsPerTarget, allowedArc, targetLimit, budget);
    }

    /** Copy with another per-target cap. */
    public PathOptions withMaxPathsPerTarget(int value) {
        return new PathOptions(maxHops, selection, value, allowedArc, targetLimit, maxArcVisits);
    }
}
