package dev.engram.store.search;

import java.util.List;

/** A fact (RELATION) found by vector search, with its cosine score and the (readable) chunks that state it. */
public record ScoredFact(String subjectId, String predicate, String objectId, double score, List<String> chunkIds) {
    public ScoredFact {
        chunkIds = List.copyOf(chunkIds);
    }
}
