package dev.engram.store.projection;

/**
 * Edge weights of the projected graph, per edge kind. A RELATION edge weighs {@code relation} times its
 * number of supporting chunks; a SYNONYM edge {@code synonym} times its similarity, and is left out when its
 * similarity is below {@code minSynonymScore} (the store keeps every pair above its own, lower, threshold);
 * a MENTIONS edge {@code mention}.
 */
public record ProjectionWeights(double relation, double synonym, double mention, double minSynonymScore) {
    /** HippoRAG's graph: every fact and mention counts once, synonyms by similarity. */
    public static final ProjectionWeights DEFAULTS = new ProjectionWeights(1.0, 1.0, 1.0, 0.0);

    public ProjectionWeights {
        if (relation < 0 || synonym < 0 || mention < 0) {
            throw new IllegalArgumentException("relation, synonym and mention edge weights must be >= 0, got "
                    + relation + ", " + synonym + ", " + mention);
        }
    }

    /** The same weights, keeping only synonyms at least this similar. */
    public ProjectionWeights withMinSynonymScore(double score) {
        return new ProjectionWeights(relation, synonym, mention, score);
    }

    /** The same weights with another MENTIONS weight. */
    public ProjectionWeights withMention(double weight) {
        return new ProjectionWeights(relation, synonym, weight, minSynonymScore);
    }
}
