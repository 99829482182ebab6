package dev.engram.app.server.jobs;

import dev.engram.store.jobs.JobCounters;
import dev.engram.store.jobs.JobProblem;
import dev.engram.store.jobs.JobRecord;
import dev.engram.store.jobs.JobState;
import java.time.Instant;
import java.util.List;

/**
 * An ingest job as the API shows it: kind and state, progress in documents ({@code done} of {@code total}, -1
 * while unknown), chunks ({@code chunksEmbedded} of {@code chunksSplit}) and bytes of text read, the documents'
 * problems, the summary once finished, and its timestamps (ISO-8601; the heartbeat is the last sign of life).
 */
public record JobStatus(String id, String kind, JobState state, long done, long total, long written, long unchanged,
                        long failed, long chunksSplit, long chunksEmbedded, long chunks, long triples, long bytes,
                        List<DocumentError> errors, String summary, String tenant, int attempts, String createdAt,
                        String startedAt, String finishedAt, String heartbeatAt) {

    /** A document or line that could not be ingested, and why. */
    public record DocumentError(String document, long line, String message) {}

    /** The API view of a stored job. */
    public static JobStatus of(JobRecord job) {
        return of(job, job.counters(), job.problems());
    }

    /** The API view of a job with these counters and problems (a running job's live ones). */
    public static JobStatus of(JobRecord job, JobCounters c, List<JobProblem> problems) {
        ShownPaths shown = ShownPaths.of(job);
        return new JobStatus(job.id(), job.kind().name(), job.state(), c.documentsDone(), c.documentsTotal(),
                c.documentsWritten(), c.documentsUnchanged(), c.documentsFailed(), c.chunksSplit(), c.chunksEmbedded(),
                c.chunks(), c.triples(), c.bytesRead(),
                problems.stream().map(p -> new DocumentError(shown.file(p.file()), p.line(), p.reason())).toList(),
                shown.text(job.summary()),
                job.parameters().tenant(), job.attempts(), text(job.createdAt()), text(job.startedAt()),
                text(job.finishedAt()), text(job.heartbeatAt()));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
