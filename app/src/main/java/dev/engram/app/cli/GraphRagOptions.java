package dev.engram.app.cli;

import dev.engram.retrieval.graph.EvidenceWeighting;
import dev.engram.retrieval.graph.GraphRagSettings;
import dev.engram.retrieval.graph.PprStrategy;
import dev.engram.store.projection.ProjectionWeights;
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

    @Option(names = "--synonym-min-score", paramLabel = "<cos>", defaultValue = "${env:ENGRAM_SYNONYM_MIN_SCORE}",
            description = "Walk only SYNONYM edges at least this similar (env ENGRAM_SYNONYM_MIN_SCORE).")
    Double synonymMinScore;

    @Option(names = "--mention-weight", paramLabel = "<w>", defaultValue = "${env:ENGRAM_MENTION_WEIGHT}",
            description = "Weight of chunk-entity MENTIONS edges in the walk (env ENGRAM_MENTION_WEIGHT).")
    Double mentionWeight;

    @Option(names = "--ppr-method", paramLabel = "<auto|global|local>", defaultValue = "${env:ENGRAM_PPR_METHOD}",
            description = "PageRank over the whole graph (global), from the seeds' neighbourhood (local, forward push "
                    + "to the same L1 error bound), or chosen by graph size and seed count (env ENGRAM_PPR_METHOD, "
                    + "default auto: local from 2 million arcs).")
    String pprMethod;

    @Option(names = "--weighting", paramLabel = "<adaptive|passage|share>", defaultValue = "${env:ENGRAM_WEIGHTING}",
            description = "How graphrag weighs the graph walk against the dense walk: adaptive per question (default), "
                    + "passage (the fixed --passage-node-weight), or a graph share in [0, 1] (env ENGRAM_WEIGHTING).")
    String weighting;

    @Option(names = "--bridge-weight", paramLabel = "<w>", defaultValue = "${env:ENGRAM_BRIDGE_WEIGHT}",
            description = "Share of graphrag's ranking from the second round, the walk restarted at the first round's "
                    + "top 3 passages; 0 = off (env ENGRAM_BRIDGE_WEIGHT, default 0.4).")
    Double bridgeWeight;

    GraphRagSettings toSettings() {
        GraphRagSettings.Builder b = D.toBuilder();
        if (factTopK != null) {
            b.factTopK(factTopK);
        }
        if (factSeeds != null) {
            b.factSeeds(factSeeds);
        }
        if (mentionSeeds != null) {
            b.mentionSeeds(mentionSeeds);
        }
        if (nameWeight != null) {
            b.nameWeight(nameWeight);
        }
        if (passageNodeWeight != null) {
            b.passageNodeWeight(passageNodeWeight);
        }
        if (damping != null) {
            b.damping(damping);
        }
        if (pprTolerance != null) {
            b.pprTolerance(pprTolerance);
        }
        if (fusionWeight != null) {
            b.fusionWeight(fusionWeight);
        }
        EvidenceWeighting w = weighting != null ? EvidenceWeighting.parse(weighting) : D.weighting();
        if (bridgeWeight != null) {
            w = w.withBridge(bridgeWeight);
        }
        b.weighting(w);
        ProjectionWeights projection = D.projection();
        if (synonymMinScore != null) {
            projection = projection.withMinSynonymScore(synonymMinScore);
        }
        if (mentionWeight != null) {
            projection = projection.withMention(mentionWeight);
        }
        if (pprMethod != null) {
            b.pprStrategy(D.pprStrategy().withMethod(pprMethod(pprMethod)));
        }
        return b.projection(projection).build();
    }

    private static PprStrategy.Method pprMethod(String value) {
        try {
            return PprStrategy.Method.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--ppr-method must be auto, global or local, got '" + value + "'");
        }
    }
}
