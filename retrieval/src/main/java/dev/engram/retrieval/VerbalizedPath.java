package dev.engram.retrieval;

import java.util.List;

/**
 * A graph path from a seed entity to an answer candidate, written out with direction and predicates, e.g.
 * {@code Ridley Scott —directed→ Black Hawk Down}, citing the chunks its relations came from.
 */
public record VerbalizedPath(String text, List<String> entityIds, List<String> chunkIds, double score) {
    public VerbalizedPath {
        entityIds = List.copyOf(entityIds);
        chunkIds = List.copyOf(chunkIds);
    }
}
