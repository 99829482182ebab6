package dev.engram.retrieval.decompose;

import java.util.List;

/** A question split into parts retrieved one by one: the shape recognised ("comparison") and the parts. */
public record SubQuestions(String kind, List<String> parts) {
    /** A question left whole. */
    public static final SubQuestions NONE = new SubQuestions("none", List.of());

    public SubQuestions {
        parts = List.copyOf(parts);
    }

    /** True when the question was split. */
    public boolean split() {
        return parts.size() > 1;
    }
}
