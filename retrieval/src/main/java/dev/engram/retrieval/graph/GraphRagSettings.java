package dev.engram.retrieval.graph;

import dev.engram.store.projection.ProjectionWeights;
import java.util.Objects;

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
 * @param projection          edge weights of the in-memory graph PageRank walks
 * @param pprStrategy         global or local PageRank, and when to pick which
 * @param weighting           how graphrag weighs the graph walk against the dense walk, per question
 */
public record GraphRagSettings(int denseDepth, int factTopK, boolean factSeeds, boolean mentionSeeds,
                               double mentionThreshold, int mentionTopK, double nameWeight, double passageNodeWeight,
                               double damping, double pprTolerance,
                               double fusionWeight, int pathHops, int pathCandidates, int maxPaths,
                               ProjectionWeights projection, PprStrategy pprStrategy, EvidenceWeighting weighting) {

    /** Defaults chosen on the development sets (musique-100, hotpotqa-100); see BENCHMARKS.md. */
    public static final GraphRagSettings DEFAULTS = new Builder().build();

    public GraphRagSettings {
        if (denseDepth < 1 || factTopK < 0 || mentionTopK < 0 || pathHops < 1 || maxPaths < 0) {
            throw new IllegalArgumentException("depths and counts must be positive");
        }
        if (!(damping > 0 && damping < 1)) {
            throw new IllegalArgumentException("damping must be in (0, 1), was " + damping);
        }
        Objects.requireNonNull(projection, "projection");
        Objects.requireNonNull(pprStrategy, "pprStrategy");
        Objects.requireNonNull(weighting, "weighting");
        if (!(pprTolerance > 0)) {
            throw new IllegalArgumentException("PPR tolerance must be > 0, was " + pprTolerance);
        }
        if (passageNodeWeight < 0 || fusionWeight < 0 || nameWeight < 0) {
            throw new IllegalArgumentException("name, passage-node and fusion weights must be >= 0, got "
                    + nameWeight + ", " + passageNodeWeight + ", " + fusionWeight);
        }
    }

    /** A builder starting from these settings, to change a few of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some settings and keeps the rest; {@link #build()} validates them. Its initial values are the defaults. */
    public static final class Builder {
        private int denseDepth = 100;
        private int factTopK = 5;
        private boolean factSeeds = true;
        private boolean mentionSeeds = false;
        private double mentionThreshold = 0.8;
        private int mentionTopK = 2;
        private double nameWeight = 1.0;
        private double passageNodeWeight = 0.2;
        private double damping = 0.5;
        private double pprTolerance = 1e-3;
        private double fusionWeight = 0.0;
        private int pathHops = 3;
        private int pathCandidates = 5;
        private int maxPaths = 5;
        private ProjectionWeights projection = ProjectionWeights.DEFAULTS;
        private PprStrategy pprStrategy = PprStrategy.DEFAULTS;
        private EvidenceWeighting weighting = EvidenceWeighting.DEFAULTS;

        private Builder() {}

        private Builder(GraphRagSettings s) {
            denseDepth = s.denseDepth;
            factTopK = s.factTopK;
            factSeeds = s.factSeeds;
            mentionSeeds = s.mentionSeeds;
            mentionThreshold = s.mentionThreshold;
            mentionTopK = s.mentionTopK;
            nameWeight = s.nameWeight;
            passageNodeWeight = s.passageNodeWeight;
            damping = s.damping;
            pprTolerance = s.pprTolerance;
            fusionWeight = s.fusionWeight;
            pathHops = s.pathHops;
            pathCandidates = s.pathCandidates;
            maxPaths = s.maxPaths;
            projection = s.projection;
            pprStrategy = s.pprStrategy;
            weighting = s.weighting;
        }

        public Builder factTopK(int value) {
            factTopK = value;
            return this;
        }

        public Builder factSeeds(boolean value) {
            factSeeds = value;
            return this;
        }

        public Builder mentionSeeds(boolean value) {
            mentionSeeds = value;
            return this;
        }

        public Builder nameWeight(double value) {
            nameWeight = value;
            return this;
        }

        public Builder passageNodeWeight(double value) {
            passageNodeWeight = value;
            return this;
        }

        public Builder damping(double value) {
            damping = value;
            return this;
        }

        public Builder pprTolerance(double value) {
            pprTolerance = value;
            return this;
        }

        public Builder fusionWeight(double value) {
            fusionWeight = value;
            return this;
        }

        public Builder projection(ProjectionWeights value) {
            projection = value;
            return this;
        }

        public Builder pprStrategy(PprStrategy value) {
            pprStrategy = value;
            return this;
        }

        public Builder weighting(EvidenceWeighting value) {
            weighting = value;
            return this;
        }

        /** The settings, checked. */
        public GraphRagSettings build() {
            return new GraphRagSettings(denseDepth, factTopK, factSeeds, mentionSeeds, mentionThreshold, mentionTopK,
                    nameWeight, passageNodeWeight, damping, pprTolerance, fusionWeight, pathHops, pathCandidates,
                    maxPaths, projection, pprStrategy, weighting);
        }
    }
}
