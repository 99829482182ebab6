package dev.engram.store.jobs;

/** Where an ingest job is. INTERRUPTED: it was running or queued in a process that died (its heartbeat stopped). */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, INTERRUPTED;

    /** True once the job will not change on its own any more. */
    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }
}
