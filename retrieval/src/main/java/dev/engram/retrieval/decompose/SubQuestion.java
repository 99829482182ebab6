package dev.engram.retrieval.decompose;

import java.util.List;

/**
 * One part of a decomposed question as it was asked: its text (earlier hops' answers filled in), the answer found for
 * it when a later part needed one (the bridge entity, or null), how that answer was found ("graph: X —directed by→
 * Y", "llm", "passages", or why not), and the chunks retrieved for it, best first.
 */
public record SubQuestion(String question, String answer, String resolvedBy, List<String> chunkIds) {
    public SubQuestion {
        chunkIds = List.copyOf(chunkIds);
    }
}
