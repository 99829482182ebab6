package dev.engram.app.cli;

import dev.engram.store.community.CommunitySettings;
import picocli.CommandLine.Option;

/** Leiden settings of {@code engram communities} and {@code ingest --communities}; defaults in {@link CommunitySettings#DEFAULTS}. */
public final class CommunityOptions {
    private static final CommunitySettings D = CommunitySettings.DEFAULTS;

    @Option(names = "--community-seed", paramLabel = "<n>", defaultValue = "${env:ENGRAM_COMMUNITY_SEED}",
            description = "Random seed of Leiden; the same seed and graph give the same communities (env ENGRAM_COMMUNITY_SEED, default 42).")
    Long seed;

    @Option(names = "--community-max-size", paramLabel = "<n>", defaultValue = "${env:ENGRAM_COMMUNITY_MAX_SIZE}",
            description = "Communities with more entities are split one level down (env ENGRAM_COMMUNITY_MAX_SIZE, default 40).")
    Integer maxSize;

    @Option(names = "--community-levels", paramLabel = "<n>", defaultValue = "${env:ENGRAM_COMMUNITY_LEVELS}",
            description = "Most levels of the hierarchy (env ENGRAM_COMMUNITY_LEVELS, default 3).")
    Integer levels;

    @Option(names = "--community-resolution", paramLabel = "<r>", defaultValue = "${env:ENGRAM_COMMUNITY_RESOLUTION}",
            description = "Modularity resolution; lower gives fewer, larger communities (env ENGRAM_COMMUNITY_RESOLUTION, default 1).")
    Double resolution;

    CommunitySettings toSettings() {
        CommunitySettings s = D;
        if (seed != null) s = s.withSeed(seed);
        if (maxSize != null) s = s.withMaxSize(maxSize);
        if (levels != null) s = s.withMaxLevels(levels);
        if (resolution != null) s = s.withResolution(resolution);
        return s;
    }
}
