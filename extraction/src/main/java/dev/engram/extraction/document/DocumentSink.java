package dev.engram.extraction.document;

import dev.engram.records.document.LoadProblem;
import dev.engram.records.document.SourceDocument;

/** Where a {@link FormatReader} hands what it read: documents (refused when their id was seen) and problems. */
public interface DocumentSink {

    /**
     * Takes a document read at {@code line} (0 for a whole file) of {@code file}; returns false when it was
     * refused (an id already loaded in this run), which is then reported as a problem.
     */
    boolean document(SourceDocument document, String file, long line);

    /** Reports a problem; the reader skips what it was about and goes on. */
    void problem(LoadProblem problem);
}
