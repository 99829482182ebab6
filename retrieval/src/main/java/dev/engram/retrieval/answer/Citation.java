package dev.engram.retrieval.answer;

import java.util.Objects;

/** A passage in an assembled context, cited as {@code [id]}: which chunk and document it is, and its title. */
public record Citation(int id, String chunkId, String documentId, String title) {
    public Citation {
        if (id < 1) throw new IllegalArgumentException("citation ids start at 1, got " + id);
        Objects.requireNonNull(chunkId, "chunkId");
    }

    /** How the context and answers refer to this passage, e.g. {@code [2]}. */
    public String marker() {
        return "[" + id + "]";
    }
}
