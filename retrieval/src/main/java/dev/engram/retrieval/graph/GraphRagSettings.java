package dev.engram.retrieval.graph;

/**
 * Every weight and threshold of graph retrieval.
 *
 * @param denseDepth          how many dense chunks feed the reset vector and the fusion
 * @param factTopK            facts linked to the question through the fact vector index (HippoRAG 2: 5)
 * @param factSeeds           seed from linked facts' subjects and objects
 * @param mentionSeeds        seed from question mentions linked to entities
 * @param mentionThreshold    minimum cosine for a mention to link to an entity
 * @param mentionTopK         entities each mention may link to
 * @param nameWeight          seed weight of an entity the question names exactly (before node specificity); 0 = off
 * @param passageNodeWeight   share of reset mass on dense chunk nodes relative to seeds (HippoRAG 2: 0.05)
 * @param damping             PageRank damping: the chance to follow an edge rather than restart (HippoRAG: 0.5)
 * @param pprTolerance        power iteration stops once the scores move less than this (L1) in one iteration
 * @param fusionWeight        weight of the dense ranking when fused with the PPR ranking by RRF; 0 = PPR alone
 * @param pathHops            longest verbalized path
 * @param pathCandidates      top PPR entities taken as answer candidates for paths
 * @param maxPaths            verbalized paths returned
 */
public record GraphRagSettings(int denseDepth, int factTopK, boolean factSeeds, boolean mentionSeeds,
                               double mentionThreshold, int mentionTopK, double nameWeight, double passageNodeWeight,
                               double damping, double pprTolerance,
                               double fusionWeight, int pathHops, int pathCandidates, int maxPaths) {

    /** Defaults chosen on the development sets (musique-100, hotpotqa-100); see BENCHMARKS.md. */
    public static final GraphRagSettings DEFAULTS =
            new GraphRagSettings(100, 5, true, false, 0.8, 2, 1.0, 0.2, 0.5, 1e-4, 0.0, 3, 5, 5);

    public GraphRagSettings {
        if (denseDepth < 1 || factTopK < 0 || mentionTopK < 0 || pathHops < 1 || maxPaths < 0) {
            throw new IllegalArgumentException("depths and counts must be positive");
        }
        if (!(damping > 0 && damping < 1)) {
            throw new IllegalArgumentException("damping must be in (0, 1), was " + damping);
        }
        if (!(pprTolerance > 0)) {
            throw new IllegalArgumentException("PPR tolerance must be > 0, was " + pprTolerance);
        }
        if (passageNodeWeight < 0 || fusionWeight < 0 || nameWeight < 0) {
            throw new IllegalArgumentException("weights must be >= 0");
        }
    }

    /** The same settings with other seeding. */
    public GraphRagSettings withSeeding(boolean facts, boolean mentions) {
        return new GraphRagSettings(denseDepth, factTopK, facts, mentions, mentionThreshold, mentionTopK,
                nameWeight, passageNodeWeight, damping, pprTolerance, fusionWeight, pathHops, pathCandidates, maxPaths);
    }

    /** The same settings with another passage-node weight. */
    public GraphRagSettings withPassageNodeWeight(double weight) {
        return new GraphRagSettings(denseDepth, factTopK, factSeeds, mentionSeeds, mentionThreshold, mentionTopK,
                nameWeight, weight, damping, pprTolerance, fusionWeight, pathHops, pathCandidates, maxPaths);
    }

    /** The same settings with another dense fusion weight. */
    public GraphRagSettings withFusionWeight(double weight) {
        return new GraphRagSettings(denseDepth, factTopK, factSeeds, mentionSeeds, mentionThreshold, mentionTopK,
                nameWeight, passageNodeWeight, damping, pprTolerance, weight, pathHops, pathCandidates, maxPaths);
    }

    /** The same settings with another damping. */
    public GraphRagSettings withDamping(double value) {
        return new GraphRagSettings(denseDepth, factTopK, factSeeds, mentionSeeds, mentionThreshold, mentionTopK,
                nameWeight, passageNodeWeight, value, pprTolerance, fusionWeight, pathHops, pathCandidates, maxPaths);
    }

    /** The same settings with another number of linked facts. */
    public GraphRagSettings withFactTopK(int value) {
        return new GraphRagSettings(denseDepth, value, factSeeds, mentionSeeds, mentionThreshold, mentionTopK,
                nameWeight, passageNodeWeight, damping, pprTolerance, fusionWeight, pathHops, pathCandidates, maxPaths);
    }

    /** The same settings with another exact-name seed weight (0 turns name seeds off). */
    public GraphRagSettings withNameWeight(double weight) {
        return new GraphRagSettings(denseDepth, factTopK, factSeeds, mentionSeeds, mentionThreshold, mentionTopK,
                weight, passageNodeWeight, damping, pprTolerance, fusionWeight, pathHops, pathCandidates, maxPaths);
    }

    /** The same settings with another PPR convergence tolerance. */
    public GraphRagSettings withPprTolerance(double value) {
        return new GraphRagSettings(denseDepth, factTopK, factSeeds, mentionSeeds, mentionThreshold, mentionTopK,
                nameWeight, passageNodeWeight, damping, value, fusionWeight, pathHops, pathCandidates, maxPaths);
    }
}
