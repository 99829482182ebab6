package dev.engram.app.cli;

import picocli.CommandLine.Option;

/** Leiden settings of {@code engram communities} and {@code ingest --communities} (read through {@link Commands#config}). */
public final class CommunityOptions {
    @Option(names = "--community-seed", paramLabel = "<n>",
            description = "Random seed of Leiden; the same seed and graph give the same communities (env ENGRAM_COMMUNITY_SEED, default ${DEFAULT-VALUE}).")
    Long seed;

    @Option(names = "--community-max-size", paramLabel = "<n>",
            description = "Communities with more entities are split one level down (env ENGRAM_COMMUNITY_MAX_SIZE, default ${DEFAULT-VALUE}).")
    Integer maxSize;

    @Option(names = "--community-levels", paramLabel = "<n>",
            description = "Most levels of the hierarchy (env ENGRAM_COMMUNITY_LEVELS, default ${DEFAULT-VALUE}).")
    Integer levels;

    @Option(names = "--community-resolution", paramLabel = "<r>",
            description = "Modularity resolution; lower gives fewer, larger communities (env ENGRAM_COMMUNITY_RESOLUTION, default ${DEFAULT-VALUE}).")
    Double resolution;
}
