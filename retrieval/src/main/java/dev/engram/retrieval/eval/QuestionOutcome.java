package dev.engram.retrieval.eval;

import dev.engram.retrieval.Mode;
import dev.engram.retrieval.Seed;
import dev.engram.retrieval.Weighting;
import java.util.List;

/**
 * What one mode retrieved for one question: documents in rank order, how long it took, and for graph modes the seeds
 * and the graph/dense weighting (empty and null otherwise), for error analysis.
 */
public record QuestionOutcome(Mode mode, EvalQuestion question, List<String> documents, double millis,
                              List<Seed> seeds, Weighting weighting) {
    public QuestionOutcome {
        documents = List.copyOf(documents);
        seeds = seeds == null ? List.of() : List.copyOf(seeds);
    }

    /** An outcome without seeds or weighting. */
    public QuestionOutcome(Mode mode, EvalQuestion question, List<String> documents, double millis) {
        this(mode, question, documents, millis, List.of(), null);
    }
}
