package dev.engram.app.cli;

import dev.engram.retrieval.graph.GraphRagSettings;
import picocli.CommandLine.Option;

/** Weights and thresholds of graph retrieval; defaults in {@link GraphRagSettings#DEFAULTS}. */
public final class GraphRagOptions {
    private static final GraphRagSettings D = GraphRagSettings.DEFAULTS;

    @Option(names = "--fact-top-k", paramLabel = "<n>", defaultValue = "${env:ENGRAM_FACT_TOP_K}",
            description = "Facts linked to the question as seeds (env ENGRAM_FACT_TOP_K).")
    Integer factTopK;

    @Option(names = "--mention-seeds", negatable = true, defaultValue = "${env:ENGRAM_MENTION_SEEDS}",
            description = "Also seed from question mentions linked to entities (env ENGRAM_MENTION_SEEDS).")
    Boolean mentionSeeds;

    @Option(names = "--name-weight", paramLabel = "<w>", defaultValue = "${env:ENGRAM_NAME_WEIGHT}",
            description = "Seed weight of entities the question names exactly; 0 = off (env ENGRAM_NAME_WEIGHT).")
    Double nameWeight;

    @Option(names = "--fact-seeds", negatable = true, defaultValue = "${env:ENGRAM_FACT_SEEDS}",
            description = "Seed from facts linked to the question (env ENGRAM_FACT_SEEDS).")
    Boolean factSeeds;

    @Option(names = "--passage-node-weight", paramLabel = "<w>", defaultValue = "${env:ENGRAM_PASSAGE_NODE_WEIGHT}",
            description = "Reset mass on densely retrieved chunks, relative to seeds (env ENGRAM_PASSAGE_NODE_WEIGHT).")
    Double passageNodeWeight;

    @Option(names = "--damping", paramLabel = "<d>", defaultValue = "${env:ENGRAM_DAMPING}",
            description = "PageRank damping (env ENGRAM_DAMPING).")
    Double damping;

    @Option(names = "--ppr-tolerance", paramLabel = "<l1>", defaultValue = "${env:ENGRAM_PPR_TOLERANCE}",
            description = "PageRank stops when an iteration changes the scores by less than this (env ENGRAM_PPR_TOLERANCE).")
    Double pprTolerance;

    @Option(names = "--fusion-weight", paramLabel = "<w>", defaultValue = "${env:ENGRAM_FUSION_WEIGHT}",
            description = "Weight of the dense ranking fused into graphrag's by RRF; 0 = off (env ENGRAM_FUSION_WEIGHT).")
    Double fusionWeight;

    GraphRagSettings toSettings() {
        GraphRagSettings s = D;
        if (factTopK != null) {
            s = s.withFactTopK(factTopK);
        }
        if (factSeeds != null || mentionSeeds != null) {
            s = s.withSeeding(factSeeds != null ? factSeeds : s.factSeeds(),
                    mentionSeeds != null ? mentionSeeds : s.mentionSeeds());
        }
        if (nameWeight != null) {
            s = s.withNameWeight(nameWeight);
        }
        if (passageNodeWeight != null) {
            s = s.withPassageNodeWeight(passageNodeWeight);
        }
        if (damping != null) {
            s = s.withDamping(damping);
        }
        if (pprTolerance != null) {
            s = s.withPprTolerance(pprTolerance);
        }
        if (fusionWeight != null) {
            s = s.withFusionWeight(fusionWeight);
        }
        return s;
    }
}
