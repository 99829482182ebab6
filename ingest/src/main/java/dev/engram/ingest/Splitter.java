package dev.engram.ingest;

import dev.engram.records.document.SourceDocument;
import dev.engram.records.document.TextChunk;
import java.util.List;

/** Cuts a document into the chunks that are embedded, searched and extracted from. */
@FunctionalInterface
public interface Splitter {
    /** The document's chunks, in reading order. */
    List<TextChunk> split(SourceDocument document);
}
