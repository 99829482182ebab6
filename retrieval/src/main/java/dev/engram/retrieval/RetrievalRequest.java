package dev.engram.retrieval;

import dev.engram.store.search.AccessFilter;

/** A question to answer: the mode, how many passages, and what the caller may read. */
public record RetrievalRequest(String question, Mode mode, int topK, AccessFilter access) {
    public RetrievalRequest {
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("question is empty");
        }
        if (topK < 1) {
            throw new IllegalArgumentException("top-k must be at least 1, was " + topK);
        }
        access = access == null ? AccessFilter.ALL : access;
    }
}
