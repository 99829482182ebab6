package dev.engram.retrieval.answer;

import java.util.List;
import java.util.Objects;

/**
 * An LLM answer to a question over an assembled context.
 *
 * @param answer  the answer text, or {@code null} when generation failed
 * @param cited   the context's passages the answer cites, in order of first citation
 * @param context the context the answer was generated from; still worth showing when generation failed
 * @param error   why generation failed, or {@code null}
 */
public record GeneratedAnswer(String answer, List<Citation> cited, AssembledContext context, String error) {
    public GeneratedAnswer {
        cited = List.copyOf(cited);
        Objects.requireNonNull(context, "context");
        if ((answer == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of answer and error must be set");
        }
    }

    /** A successful answer. */
    public static GeneratedAnswer of(String answer, List<Citation> cited, AssembledContext context) {
        return new GeneratedAnswer(answer, cited, context, null);
    }

    /** A failed generation: no answer, the context kept. */
    public static GeneratedAnswer failed(AssembledContext context, String error) {
        return new GeneratedAnswer(null, List.of(), context, error);
    }

    /** Whether an answer was generated. */
    public boolean succeeded() {
        return answer != null;
    }
}
