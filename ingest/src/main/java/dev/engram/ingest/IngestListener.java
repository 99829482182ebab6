package dev.engram.ingest;

import dev.engram.records.document.LoadProblem;

/** Hears how an ingest goes, for progress bars and job status. Called from the ingest's threads. */
public interface IngestListener {
    /** How many documents the sources hold, when known before starting. */
    default void started(long totalDocuments) {}

    /** The source offered a document of {@code bytes} bytes of text (UTF-8). */
    default void documentRead(String documentId, long bytes) {}

    /** Changed documents were split into {@code chunks} more chunks to embed and write. */
    default void chunksSplit(int chunks) {}

    /** {@code chunks} more chunks were embedded; moves within one large document. */
    default void chunksEmbedded(int chunks) {}

    /** A document was finished: written, or skipped because it had not changed. */
    default void documentDone(String documentId, int chunks, int triples, boolean unchanged) {}

    /** A document or line could not be read and was skipped. */
    default void problem(LoadProblem problem) {}

    /** One line about work done after the last batch (an end-of-run synonym rebuild). */
    default void note(String line) {}

    /** A listener that ignores everything. */
    IngestListener NONE = new IngestListener() {};

    /** Tells {@code first}, then {@code second}, everything. */
    static IngestListener both(IngestListener first, IngestListener second) {
        return new IngestListener() {
            @Override
            public void started(long totalDocuments) {
                first.started(totalDocuments);
                second.started(totalDocuments);
            }

            @Override
            public void documentRead(String documentId, long bytes) {
                first.documentRead(documentId, bytes);
                second.documentRead(documentId, bytes);
            }

            @Override
            public void chunksSplit(int chunks) {
                first.chunksSplit(chunks);
                second.chunksSplit(chunks);
            }

            @Override
            public void chunksEmbedded(int chunks) {
                first.chunksEmbedded(chunks);
                second.chunksEmbedded(chunks);
            }

            @Override
            public void documentDone(String documentId, int chunks, int triples, boolean unchanged) {
                first.documentDone(documentId, chunks, triples, unchanged);
                second.documentDone(documentId, chunks, triples, unchanged);
            }

            @Override
            public void problem(LoadProblem problem) {
                first.problem(problem);
                second.problem(problem);
            }

            @Override
            public void note(String line) {
                first.note(line);
                second.note(line);
            }
        };
    }
}
