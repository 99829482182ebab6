package dev.engram.retrieval.eval;

import dev.engram.retrieval.Mode;
import dev.engram.retrieval.Seed;
import dev.engram.retrieval.Weighting;
import dev.engram.retrieval.grading.Coverage;
import dev.engram.retrieval.grading.PassageGrade;
import java.util.List;

/**
 * What one mode retrieved for one question: documents in rank order, how long it took, and for graph modes the seeds
 * and the graph/dense weighting (empty and null otherwise), and the passages' grades and the question's coverage
 * when graded, the notes on how the question was split or retried, and the verbalized graph paths that explain
 * the ranking, for error analysis.
 */
public record QuestionOutcome(Mode mode, EvalQuestion question, List<String> documents, double millis,
                              List<Seed> seeds, Weighting weighting, List<PassageGrade> grades, Coverage coverage,
                              List<String> notes, List<String> paths) {
    public QuestionOutcome {
        documents = List.copyOf(documents);
        seeds = seeds == null ? List.of() : List.copyOf(seeds);
        grades = grades == null ? List.of() : List.copyOf(grades);
        notes = notes == null ? List.of() : List.copyOf(notes);
        paths = paths == null ? List.of() : List.copyOf(paths);
    }

    /** An outcome without seeds or weighting. */
    public QuestionOutcome(Mode mode, EvalQuestion question, List<String> documents, double millis) {
        this(mode, question, documents, millis, List.of(), null, List.of(), null, List.of(), List.of());
    }
}
