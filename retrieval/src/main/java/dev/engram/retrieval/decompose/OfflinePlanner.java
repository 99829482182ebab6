package dev.engram.retrieval.decompose;

import dev.engram.retrieval.llm.CallBudget;

/**
 * The offline plans: a compositional question ("the director of X") becomes hops resolved one after the other (when
 * {@code compositional} is on), else a comparison ("X or Y") one question per name (when {@code comparisons} is on),
 * else the question stays whole.
 */
public record OfflinePlanner(QuestionDecomposer comparisonSplitter, CompositionalParser parser, boolean comparisons,
                             boolean compositional) implements Planner {

    @Override
    public Planned plan(String question, CallBudget budget) {
        if (compositional && parser != null) {
            Plan p = parser.parse(question);
            if (p.split()) {
                return new Planned(p, null);
            }
        }
        return new Planned(comparisons ? comparison(question) : Plan.NONE, null);
    }

    /** A comparison question's plan, or {@link Plan#NONE}. */
    public Plan comparison(String question) {
        SubQuestions sub = comparisonSplitter.split(question);
        return sub.split() ? new Plan(sub.kind(), "offline", sub.parts().stream().map(Plan.Step::of).toList())
                : Plan.NONE;
    }
}
