package dev.engram.store.community;

/**
 * How communities are found: Leiden optimising modularity at {@code resolution}, the top level over the whole entity
 * graph, then every community larger than {@code maxSize} split again on its own subgraph, down to {@code maxLevels}
 * levels. {@code seed} fixes the random choices, so the same graph always gives the same communities;
 * {@code randomStarts} runs keep the partition of highest modularity. Communities smaller than {@code minSize}
 * entities are not kept. With {@code themeNeighbours > 0} the top-level communities are grouped into themes one
 * level above them, found on a graph of the passages linked to their {@code themeNeighbours} most similar passages
 * and to the entities they mention (see the retrieval module).
 */
public record CommunitySettings(long seed, double resolution, int maxSize, int maxLevels, int minSize,
                                int iterations, int randomStarts, int themeNeighbours) {
    /** Modularity at resolution 1, communities of at most 40 entities, three levels, themes over 10 nearest passages, seed 42. */
    public static final CommunitySettings DEFAULTS = new CommunitySettings(42, 1.0, 40, 3, 2, 10, 3, 10);

    public CommunitySettings {
        if (!(resolution > 0) || Double.isInfinite(resolution)) {
            throw new IllegalArgumentException("community resolution must be a positive number, got " + resolution);
        }
        if (maxSize < 2) throw new IllegalArgumentException("community max size must be at least 2, got " + maxSize);
        if (maxLevels < 1 || maxLevels > 8) {
            throw new IllegalArgumentException("community levels must be between 1 and 8, got " + maxLevels);
        }
        if (minSize < 1) throw new IllegalArgumentException("community min size must be at least 1, got " + minSize);
        if (iterations < 1 || iterations > 1000) {
            throw new IllegalArgumentException("Leiden iterations must be between 1 and 1000, got " + iterations);
        }
        if (themeNeighbours < 0 || themeNeighbours > 100) {
            throw new IllegalArgumentException("theme neighbours must be between 0 (no themes) and 100, got "
                    + themeNeighbours);
        }
        if (randomStarts < 1 || randomStarts > 100) {
            throw new IllegalArgumentException("Leiden random starts must be between 1 and 100, got " + randomStarts);
        }
    }

    /** The same settings with another seed. */
    public CommunitySettings withSeed(long value) {
        return new CommunitySettings(value, resolution, maxSize, maxLevels, minSize, iterations, randomStarts, themeNeighbours);
    }

    /** The same settings with another size cap. */
    public CommunitySettings withMaxSize(int value) {
        return new CommunitySettings(seed, resolution, value, maxLevels, minSize, iterations, randomStarts, themeNeighbours);
    }

    /** The same settings with another number of levels. */
    public CommunitySettings withMaxLevels(int value) {
        return new CommunitySettings(seed, resolution, maxSize, value, minSize, iterations, randomStarts, themeNeighbours);
    }

    /** The same settings with another number of theme neighbours (0: no theme level). */
    public CommunitySettings withThemeNeighbours(int value) {
        return new CommunitySettings(seed, resolution, maxSize, maxLevels, minSize, iterations, randomStarts, value);
    }

    /** The same settings with another resolution. */
    public CommunitySettings withResolution(double value) {
        return new CommunitySettings(seed, value, maxSize, maxLevels, minSize, iterations, randomStarts, themeNeighbours);
    }
}
