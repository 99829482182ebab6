package dev.engram.records.document;

import java.util.Map;

/** A document as read from its source, before chunking: one file, or one line of a JSONL corpus. */
public record SourceDocument(String id, String title, String source, String text, Map<String, Object> metadata) {
    public SourceDocument {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
