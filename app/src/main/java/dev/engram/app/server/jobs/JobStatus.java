package dev.engram.app.server.jobs;

import java.util.List;

/**
 * An ingest job as the API shows it: progress ({@code total} is -1 while unknown), the documents' problems, and
 * the summary once finished.
 */
public record JobStatus(String id, JobState state, long done, long total, long written, long unchanged,
                        List<DocumentError> errors, String summary, String createdAt, String finishedAt) {

    /** A document or line that could not be ingested, and why. */
    public record DocumentError(String document, long line, String message) {}
}
