package dev.engram.records.document;

import java.util.Map;

/**
 * A document as read from its source, before chunking: one file, or one line of a JSONL corpus; {@code layout}
 * holds its pages and sections ({@link DocumentLayout#NONE} for plain text).
 */
public record SourceDocument(String id, String title, String source, String text, Map<String, Object> metadata,
                             DocumentLayout layout) {
    public SourceDocument {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        layout = layout == null ? DocumentLayout.NONE : layout;
    }

    /** A document without pages or sections. */
    public SourceDocument(String id, String title, String source, String text, Map<String, Object> metadata) {
        this(id, title, source, text, metadata, DocumentLayout.NONE);
    }
}
