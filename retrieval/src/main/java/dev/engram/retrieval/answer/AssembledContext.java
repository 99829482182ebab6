package dev.engram.retrieval.answer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The context given to the LLM (or shown as is when none is configured): graph paths then numbered passages.
 *
 * @param text      the context text
 * @param citations the passages in the text, by citation id 1, 2, ...
 * @param tokens    the size of {@code text} by the assembler's token counter
 */
public record AssembledContext(String text, List<Citation> citations, int tokens) {
    public AssembledContext {
        Objects.requireNonNull(text, "text");
        citations = List.copyOf(citations);
    }

    /** The passage cited as {@code [id]}, if the context has it. */
    public Optional<Citation> citation(int id) {
        // Ids are assigned 1..n in order, so the id is the position.
        return id >= 1 && id <= citations.size() ? Optional.of(citations.get(id - 1)) : Optional.empty();
    }
}
