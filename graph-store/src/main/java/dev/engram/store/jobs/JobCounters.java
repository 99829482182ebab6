package dev.engram.store.jobs;

/**
 * A job's progress: documents offered by its source (and the estimate, -1 while unknown), written, skipped as
 * unchanged, failed; chunks split and embedded so far, chunks and triples written; text bytes read. Chunks and
 * bytes move within a single large document, documents only between them.
 */
public record JobCounters(long documentsTotal, long documentsRead, long documentsWritten, long documentsUnchanged,
                          long documentsFailed, long chunksSplit, long chunksEmbedded, long chunks, long triples,
                          long bytesRead) {
    /** Nothing done yet, total unknown. */
    public static final JobCounters NONE = new JobCounters(-1, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Documents finished either way: written, unchanged or failed. */
    public long documentsDone() {
        return documentsWritten + documentsUnchanged + documentsFailed;
    }
}
