package dev.engram.store.jobs;

import dev.engram.store.search.AccessFilter;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An ingest job as stored in the graph ({@code (:IngestJob)}): who started it ({@code owner}, the caller's tenant,
 * null for an unrestricted caller or the command line), what it was asked to do, where it is and how far it got.
 * {@code state} is the effective state: a job whose process died reads as {@link JobState#INTERRUPTED}.
 */
public record JobRecord(String id, JobKind kind, String owner, JobParameters parameters, JobState state,
                        JobCounters counters, List<JobProblem> problems, String summary, Instant createdAt,
                        Instant startedAt, Instant finishedAt, Instant heartbeatAt, String runner,
                        boolean cancelRequested, int attempts) {
    /** Most problems a job keeps; the count of failed documents goes on beyond it. */
    public static final int MAX_PROBLEMS = 1000;

    public JobRecord {
        problems = List.copyOf(problems);
    }

    /** A new job, queued by {@code runner}. */
    public static JobRecord queued(String id, JobKind kind, String owner, JobParameters parameters, String runner) {
        Instant now = Instant.now();
        return new JobRecord(id, kind, owner, parameters, JobState.QUEUED, JobCounters.NONE, List.of(), null, now,
                null, null, now, runner, false, 0);
    }

    /** The access rule for job records: an unrestricted caller sees every job, anyone else its own tenant's. */
    public boolean visibleTo(AccessFilter caller) {
        return caller.isUnrestricted() || Objects.equals(caller.tenant(), owner);
    }

    /** This record in another state. */
    JobRecord withState(JobState newState) {
        return new JobRecord(id, kind, owner, parameters, newState, counters, problems, summary, createdAt, startedAt,
                finishedAt, heartbeatAt, runner, cancelRequested, attempts);
    }
}
