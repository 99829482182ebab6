package dev.engram.retrieval.decompose;

import dev.engram.retrieval.llm.CallBudget;

/** Decides how a question is split into steps. */
public interface Planner {
    /** The plan for {@code question}; {@link Planned#note()} says what happened when worth telling (a fallback). */
    Planned plan(String question, CallBudget budget);

    /** A plan and an optional note for the trace. */
    record Planned(Plan plan, String note) {}
}
