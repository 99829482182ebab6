package dev.engram.retrieval.grading;

import dev.engram.retrieval.RetrievalRequest;
import dev.engram.retrieval.RetrievalResult;
import dev.engram.retrieval.Retriever;

/**
 * Grades with the LLM what an offline-graded retriever returned: the LLM's relevant/irrelevant verdicts replace the
 * offline grades (irrelevant passages stay in the result, marked, and are left out of the context for generation),
 * and coverage follows them. When the LLM fails or answers out of shape, the offline grades stand and a note says so.
 */
public record LlmGradingRetriever(Retriever offlineGraded, LlmGrader grader) implements Retriever {

    @Override
    public RetrievalResult retrieve(RetrievalRequest request) {
        RetrievalResult result = offlineGraded.retrieve(request);
        if (!result.themes().isEmpty() || result.grades().isEmpty()) {
            return result;
        }
        long start = System.nanoTime();
        LlmGrader.Result graded = grader.grade(request.question(), result.passages(), result.grades());
        double millis = (System.nanoTime() - start) / 1e6;
        if (graded.failure() != null) {
            return result.withTiming("llm-grade", millis)
                    .withNote("LLM grading failed (" + graded.failure() + "); offline grades kept");
        }
        boolean covered = graded.grades().stream().anyMatch(g -> g.grade() == Grade.RELEVANT);
        return result.withGrading(graded.grades(), covered ? Coverage.COVERED : Coverage.NONE)
                .withTiming("llm-grade", millis)
                .withNote("LLM grading: " + graded.judged() + " of " + result.passages().size() + " passages judged, "
                        + graded.grades().stream().filter(g -> g.grade() == Grade.IRRELEVANT).count()
                        + " irrelevant");
    }
}
