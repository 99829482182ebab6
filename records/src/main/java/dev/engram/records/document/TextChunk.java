package dev.engram.records.document;

import java.util.List;

/**
 * A contiguous piece of a document's text; {@code start}/{@code end} are character offsets into the
 * document text and {@code tokenCount} is counted in the embedding tokenizer's tokens. {@code pageStart} and
 * {@code pageEnd} are 1-based pages (0 when the document has none), {@code sectionPath} the titles of the sections
 * holding the chunk's start, outermost first, and {@code sectionId} the innermost one's id (null outside sections).
 */
public record TextChunk(String id, String documentId, int index, String text, int tokenCount, int start, int end,
                        int pageStart, int pageEnd, List<String> sectionPath, String sectionId) {
    public TextChunk {
        sectionPath = sectionPath == null ? List.of() : List.copyOf(sectionPath);
    }

    /** A chunk of a document without pages or sections. */
    public TextChunk(String id, String documentId, int index, String text, int tokenCount, int start, int end) {
        this(id, documentId, index, text, tokenCount, start, end, 0, 0, List.of(), null);
    }
}
