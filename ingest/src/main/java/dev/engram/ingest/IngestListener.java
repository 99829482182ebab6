package dev.engram.ingest;

import dev.engram.records.document.LoadProblem;

/** Hears how an ingest goes, for progress bars and job status. Called from the ingesting thread. */
public interface IngestListener {
    /** How many documents the sources hold, when known before starting. */
    default void started(long totalDocuments) {}

    /** A document was finished: written, or skipped because it had not changed. */
    default void documentDone(String documentId, int chunks, int triples, boolean unchanged) {}

    /** A document or line could not be read and was skipped. */
    default void problem(LoadProblem problem) {}

    /** A listener that ignores everything. */
    IngestListener NONE = new IngestListener() {};
}
