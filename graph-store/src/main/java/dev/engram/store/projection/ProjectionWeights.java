package dev.engram.store.projection;

/**
 * Edge weights of the projected graph, per edge kind. A RELATION edge weighs {@code relation} times its
 * number of supporting chunks; a SYNONYM edge {@code synonym} times its similarity; a MENTIONS edge {@code mention}.
 */
public record ProjectionWeights(double relation, double synonym, double mention) {
    /** HippoRAG's graph: every fact and mention counts once, synonyms by similarity. */
    public static final ProjectionWeights DEFAULTS = new ProjectionWeights(1.0, 1.0, 1.0);

    public ProjectionWeights {
        if (relation < 0 || synonym < 0 || mention < 0) {
            throw new IllegalArgumentException("edge weights must be >= 0");
        }
    }
}
