package dev.engram.extraction.document;

/**
 * Reads the documents of one file format: each good document goes to the sink, each problem is reported there
 * and skipped. Never throws for bad input; one document is in memory at a time.
 */
public interface FormatReader {

    /** Reads {@code file}, handing its documents and problems to {@code sink}. */
    void read(SourceFile file, DocumentSink sink);

    /**
     * How many documents the file holds if nothing is wrong, cheaply (for a progress bar): one unless the format
     * holds many.
     */
    default long estimateDocuments(SourceFile file) {
        return 1;
    }
}
