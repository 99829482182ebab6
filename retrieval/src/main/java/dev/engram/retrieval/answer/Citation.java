package dev.engram.retrieval.answer;

import dev.engram.records.document.PassagePlace;
import java.util.Objects;

/**
 * A passage in an assembled context, cited as {@code [id]}: which chunk and document it is, its title and its place
 * (pages, section path).
 */
public record Citation(int id, String chunkId, String documentId, String title, PassagePlace place) {
    public Citation {
        if (id < 1) throw new IllegalArgumentException("citation ids start at 1, got " + id);
        Objects.requireNonNull(chunkId, "chunkId");
        place = place == null ? PassagePlace.NONE : place;
    }

    /** A citation of a passage of a document without pages or sections. */
    public Citation(int id, String chunkId, String documentId, String title) {
        this(id, chunkId, documentId, title, PassagePlace.NONE);
    }

    /** How the context and answers refer to this passage, e.g. {@code [2]}. */
    public String marker() {
        return "[" + id + "]";
    }

    /** The citation as a person reads it: {@code [3] Annual report 2025, p. 14, §2.1 Revenue}. */
    public String label() {
        String source = place.cite(title);
        return source.isEmpty() ? marker() : marker() + " " + source;
    }
}
