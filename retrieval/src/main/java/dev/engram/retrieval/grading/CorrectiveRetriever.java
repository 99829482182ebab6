package dev.engram.retrieval.grading;

import dev.engram.retrieval.RetrievalRequest;
import dev.engram.retrieval.RetrievalResult;
import dev.engram.retrieval.Retriever;
import java.util.List;
import java.util.Locale;

/**
 * Corrective retrieval: when the first graded result has no relevant passage, tries each alternative in turn (another
 * mode, the question split into parts, wider seeds), stops at the first one that finds a relevant passage, and
 * otherwise keeps whichever attempt had the best evidence. Every attempt is written into the result's notes.
 *
 * @param first        the graded default retrieval
 * @param alternatives graded retrievals to try, each with how the note names it
 */
public record CorrectiveRetriever(Retriever first, List<Attempt> alternatives) implements Retriever {
    /** One way of trying again, and how the notes name it. */
    public record Attempt(String name, Retriever retriever) {}

    public CorrectiveRetriever {
        alternatives = List.copyOf(alternatives);
    }

    @Override
    public RetrievalResult retrieve(RetrievalRequest request) {
        RetrievalResult best = first.retrieve(request);
        if (best.coverage() == null || best.coverage().covered() || alternatives.isEmpty()) {
            return best;
        }
        long start = System.nanoTime();
        double bestScore = top(best);
        StringBuilder note = new StringBuilder(String.format(Locale.ROOT,
                "corrective retrieval: no relevant passage (best %.2f)", bestScore));
        String kept = "the first result";
        for (Attempt attempt : alternatives) {
            RetrievalResult retry = attempt.retriever().retrieve(request);
            double score = top(retry);
            note.append(String.format(Locale.ROOT, "; %s: best %.2f", attempt.name(), score));
            if (score > bestScore) {
                best = retry;
                bestScore = score;
                kept = attempt.name();
            }
            if (retry.coverage() != null && retry.coverage().covered()) {
                break;
            }
        }
        note.append("; kept ").append(kept);
        return best.withTiming("corrective", (System.nanoTime() - start) / 1e6).withNote(note.toString());
    }

    private static double top(RetrievalResult result) {
        return result.grades().stream().mapToDouble(PassageGrade::score).max().orElse(0);
    }
}
