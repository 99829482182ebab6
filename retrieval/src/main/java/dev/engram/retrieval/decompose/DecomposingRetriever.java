package dev.engram.retrieval.decompose;

import dev.engram.retrieval.RankedPassage;
import dev.engram.retrieval.RetrievalRequest;
import dev.engram.retrieval.RetrievalResult;
import dev.engram.retrieval.Retriever;
import dev.engram.retrieval.llm.CallBudget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Retrieves for each step of a question's {@link Plan} as well as for the whole, and merges the rankings so that every
 * part is represented: round-robin over the steps' rankings and then the whole question's, each passage once, scored
 * relative to the top of the ranking it came from. A step that refers to an earlier step's answer ("When was #1
 * born?") is asked once {@link HopResolver} found that answer (the bridge entity); when it finds none, the whole
 * question's result is kept, with the steps tried listed. A compositional plan's last step is split again when it is
 * a comparison ("Who was born first, #1 or #2?"). A question that does not split goes to the inner retriever unchanged,
 * or, with {@code splitOnly} (a retry that only makes sense for split questions), gets an empty result. Seeds, paths
 * and weighting are the whole question's; the result lists the steps as {@link SubQuestion}s.
 *
 * @param budgets a fresh LLM call budget for each question (a planner or resolver without an LLM ignores it)
 */
public record DecomposingRetriever(Retriever inner, Planner planner, HopResolver resolver,
                                   QuestionDecomposer finalSplitter, Supplier<CallBudget> budgets, boolean splitOnly)
        implements Retriever {
    /** Passages of each step listed in its {@link SubQuestion}. */
    static final int LISTED = 5;

    /** Splits comparison questions only, and passes the rest through. */
    public DecomposingRetriever(Retriever inner, QuestionDecomposer decomposer) {
        this(inner, decomposer, false);
    }

    /** Splits comparison questions only; with {@code splitOnly}, returns nothing for the rest. */
    public DecomposingRetriever(Retriever inner, QuestionDecomposer decomposer, boolean splitOnly) {
        this(inner, new OfflinePlanner(decomposer, null, true, false), NO_HOPS, null, () -> new CallBudget(0),
                splitOnly);
    }

    private static final HopResolver NO_HOPS = (step, text, argument, passages, access, budget) ->
            HopResolver.Resolution.none("no hop resolver");

    @Override
    public RetrievalResult retrieve(RetrievalRequest request) {
        CallBudget budget = budgets.get();
        Planner.Planned planned = planner.plan(request.question(), budget);
        Plan plan = planned.plan();
        if (splitOnly && !plan.split()) {
            return RetrievalResult.of(List.of());
        }
        RetrievalResult whole = inner.retrieve(request);
        if (!whole.themes().isEmpty()) {
            return whole;
        }
        if (!plan.split()) {
            return planned.note() == null ? whole : whole.withNote(planned.note());
        }
        long start = System.nanoTime();
        List<String> answers = new ArrayList<>();
        List<SubQuestion> asked = new ArrayList<>();
        List<List<RankedPassage>> rankings = new ArrayList<>();
        boolean complete = true;
        List<Plan.Step> steps = plan.steps();
        for (int i = 0; i < steps.size(); i++) {
            Plan.Step step = steps.get(i);
            String text = Plan.fill(step.text(), answers);
            if (text == null) {
                complete = false;
                answers.add(null);
                asked.add(new SubQuestion(step.text(), null, "not asked: an earlier hop has no answer", List.of()));
                continue;
            }
            boolean lastOfComposition = i == steps.size() - 1 && finalSplitter != null && !"comparison".equals(plan.kind());
            SubQuestions parts = lastOfComposition ? finalSplitter.split(text) : SubQuestions.NONE;
            List<String> texts = parts.split() ? parts.parts() : List.of(text);
            List<RankedPassage> ranking = List.of();
            for (String t : texts) {
                ranking = inner.retrieve(new RetrievalRequest(t, request.mode(), request.topK(), request.access()))
                        .passages();
                rankings.add(ranking);
                if (texts.size() > 1) {
                    asked.add(new SubQuestion(t, null, null, ids(ranking)));
                }
            }
            String answer = null;
            String how = null;
            if (plan.answerNeeded(i)) {
                String argument = step.argument() == null ? null : Plan.fill(step.argument(), answers);
                HopResolver.Resolution r = resolver.resolve(step, text, argument, ranking, request.access(), budget);
                answer = r.bridge() == null ? null : r.bridge().name();
                how = r.bridge() == null ? r.note() : r.bridge().how();
            }
            answers.add(answer);
            if (texts.size() == 1) {
                asked.add(new SubQuestion(text, answer, how, ids(ranking)));
            }
        }
        double millis = (System.nanoTime() - start) / 1e6;
        String described = describe(plan, asked);
        String prefix = planned.note() == null ? "" : planned.note() + "; ";
        if (!complete) {
            return whole.withSubQuestions(asked).withTiming("sub-questions", millis).withNote(prefix + described
                    + "; a hop has no answer, so the whole question's passages are kept");
        }
        rankings.add(whole.passages());
        List<RankedPassage> merged = merge(rankings, request.topK());
        return whole.withPassages(merged).withSubQuestions(asked).withTiming("sub-questions", millis)
                .withNote(prefix + described + "; passages merged round-robin with the whole question's");
    }

    private static String describe(Plan plan, List<SubQuestion> asked) {
        StringBuilder s = new StringBuilder("sub-questions (" + plan.kind() + ", " + plan.source() + "): ");
        for (int i = 0; i < asked.size(); i++) {
            SubQuestion q = asked.get(i);
            s.append(i == 0 ? "" : " | ").append(q.question());
            if (q.answer() != null) {
                s.append(" → ").append(q.answer()).append(" (").append(q.resolvedBy()).append(')');
            } else if (q.resolvedBy() != null) {
                s.append(" → no answer (").append(q.resolvedBy()).append(')');
            }
        }
        return s.toString();
    }

    private static List<String> ids(List<RankedPassage> ranking) {
        return ranking.stream().limit(LISTED).map(RankedPassage::chunkId).toList();
    }

    static List<RankedPassage> merge(List<List<RankedPassage>> rankings, int k) {
        Map<String, RankedPassage> out = new LinkedHashMap<>();
        int depth = rankings.stream().mapToInt(List::size).max().orElse(0);
        for (int rank = 0; rank < depth && out.size() < k; rank++) {
            for (List<RankedPassage> ranking : rankings) {
                if (rank < ranking.size() && out.size() < k) {
                    RankedPassage p = ranking.get(rank);
                    double top = ranking.getFirst().score();
                    out.putIfAbsent(p.chunkId(), p.withScore(top > 0 ? p.score() / top : 0));
                }
            }
        }
        return List.copyOf(out.values());
    }
}
