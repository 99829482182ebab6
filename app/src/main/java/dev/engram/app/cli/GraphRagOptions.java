package dev.engram.app.cli;

import picocli.CommandLine.Option;

/** Weights and thresholds of graph retrieval (read through {@link Commands#config}). */
public final class GraphRagOptions {
    @Option(names = "--fact-top-k", paramLabel = "<n>", description = "Facts linked to the question as seeds (env ENGRAM_FACT_TOP_K, default ${DEFAULT-VALUE}).")
    Integer factTopK;

    @Option(names = "--mention-seeds", negatable = true, description = "Also seed from question mentions linked to entities (env ENGRAM_MENTION_SEEDS, default ${DEFAULT-VALUE}).")
    Boolean mentionSeeds;

    @Option(names = "--name-weight", paramLabel = "<w>", description = "Seed weight of entities the question names exactly; 0 = off (env ENGRAM_NAME_WEIGHT, default ${DEFAULT-VALUE}).")
    Double nameWeight;

    @Option(names = "--fact-seeds", negatable = true, description = "Seed from facts linked to the question (env ENGRAM_FACT_SEEDS, default ${DEFAULT-VALUE}).")
    Boolean factSeeds;

    @Option(names = "--passage-node-weight", paramLabel = "<w>", description = "Reset mass on densely retrieved chunks, relative to seeds (env ENGRAM_PASSAGE_NODE_WEIGHT, default ${DEFAULT-VALUE}).")
    Double passageNodeWeight;

    @Option(names = "--damping", paramLabel = "<d>", description = "PageRank damping (env ENGRAM_DAMPING, default ${DEFAULT-VALUE}).")
    Double damping;

    @Option(names = "--ppr-tolerance", paramLabel = "<l1>", description = "PageRank stops when an iteration changes the scores by less than this (env ENGRAM_PPR_TOLERANCE, default ${DEFAULT-VALUE}).")
    Double pprTolerance;

    @Option(names = "--fusion-weight", paramLabel = "<w>", description = "Weight of the dense ranking fused into graphrag's by RRF; 0 = off (env ENGRAM_FUSION_WEIGHT, default ${DEFAULT-VALUE}).")
    Double fusionWeight;

    @Option(names = "--synonym-min-score", paramLabel = "<cos>", description = "Walk only SYNONYM edges at least this similar (env ENGRAM_SYNONYM_MIN_SCORE, default ${DEFAULT-VALUE}).")
    Double synonymMinScore;

    @Option(names = "--mention-weight", paramLabel = "<w>", description = "Weight of chunk-entity MENTIONS edges in the walk (env ENGRAM_MENTION_WEIGHT, default ${DEFAULT-VALUE}).")
    Double mentionWeight;

    @Option(names = "--ppr-method", paramLabel = "<auto|global|local>",
            description = "PageRank over the whole graph (global), from the seeds' neighbourhood (local, forward push "
                    + "to the same L1 error bound), or chosen by graph size and seed count (env ENGRAM_PPR_METHOD, "
                    + "default ${DEFAULT-VALUE}: local from 2 million arcs when the seeds' degrees are at most 5% of them).")
    String pprMethod;

    @Option(names = "--weighting", paramLabel = "<adaptive|passage|share>",
            description = "How graphrag weighs the graph walk against the dense walk: adaptive per question, passage "
                    + "(the fixed --passage-node-weight), or a graph share in [0, 1] (env ENGRAM_WEIGHTING, default ${DEFAULT-VALUE}).")
    String weighting;

    @Option(names = "--bridge-weight", paramLabel = "<w>",
            description = "Share of graphrag's ranking from the second round, the walk restarted at the first round's "
                    + "top 3 passages; 0 = off (env ENGRAM_BRIDGE_WEIGHT, default ${DEFAULT-VALUE}).")
    Double bridgeWeight;
}
