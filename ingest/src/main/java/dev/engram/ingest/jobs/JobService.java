package dev.engram.ingest.jobs;

import dev.engram.store.jobs.JobKind;
import dev.engram.store.jobs.JobParameters;
import dev.engram.store.jobs.JobRecord;
import dev.engram.store.jobs.JobState;
import dev.engram.store.jobs.JobStore;
import dev.engram.store.jobs.RunnerIdentity;
import dev.engram.store.search.AccessFilter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable ingest jobs of this process: each is a record in the graph store, claimed before it runs, its counters
 * and heartbeat written every few seconds while it runs, and its end state written when it ends. A job whose
 * process died reads as interrupted; {@link #run} on it resumes it, and the content-hash completion mark of the
 * pipeline makes the rerun skip what was finished, so nothing is duplicated.
 */
public final class JobService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);

    /** The work of a job: ingest as {@code job} says, reporting to {@code tracker}; returns a summary. */
    @FunctionalInterface
    public interface Work {
        /** Runs the job to its end (or to its cancellation); a failure is thrown. */
        String run(JobRecord job, JobTracker tracker);
    }

    /** Refused because the job is running elsewhere, has succeeded or does not exist. */
    public static final class NotClaimable extends RuntimeException {
        NotClaimable(String message) {
            super(message);
        }
    }

    private final JobStore store;
    private final String runner = RunnerIdentity.current();
    private final Map<String, JobTracker> running = new ConcurrentHashMap<>();
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat;

    /** Jobs in {@code store}, whose progress is written every {@code every}. */
    public JobService(JobStore store, Duration every) {
        this.store = store;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "engram-job-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleWithFixedDelay(this::beat, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Records a new queued job of this process; run it with {@link #run}. */
    public JobRecord submit(JobKind kind, String owner, JobParameters parameters) {
        JobRecord job = JobRecord.queued(UUID.randomUUID().toString(), kind, owner, parameters, runner);
        store.create(job);
        queued.add(job.id());
        return job;
    }

    /**
     * Queues an interrupted, failed or cancelled job again in this process, to resume it with {@link #run}; empty
     * when it is queued or running elsewhere, has succeeded, or does not exist.
     */
    public Optional<JobRecord> requeue(String id) {
        Optional<JobRecord> job = store.requeue(id, runner);
        job.ifPresent(j -> queued.add(j.id()));
        return job;
    }

    /**
     * Claims and runs a job: a queued one, or an interrupted, failed or cancelled one to resume it. Returns the job
     * as it ended. Throws {@link NotClaimable} when it may not run now.
     */
    public JobRecord run(String id, Work work) {
        queued.remove(id);
        JobRecord job = store.claim(id, runner).orElseThrow(() -> new NotClaimable(store.find(id)
                .map(j -> "job " + id + " is " + j.state().name().toLowerCase() + "; only a queued, interrupted, failed or "
                        + "cancelled job can run")
                .orElse("no job with id '" + id + "'")));
        JobTracker tracker = new JobTracker(id);
        if (job.cancelRequested()) {
            store.finish(id, runner, JobState.CANCELLED, tracker.counters(), List.of(), "cancelled before it started");
            return store.find(id).orElseThrow();
        }
        running.put(id, tracker);
        JobState end;
        String summary;
        try {
            summary = work.run(job, tracker);
            end = tracker.cancelled() ? JobState.CANCELLED : JobState.SUCCEEDED;
        } catch (RuntimeException e) {
            LOG.warn("ingest job {} failed", id, e);
            summary = "failed: " + e.getMessage();
            end = JobState.FAILED;
        } finally {
            running.remove(id);
        }
        store.finish(id, runner, end, tracker.counters(), tracker.problems(), summary);
        return store.find(id).orElseThrow();
    }

    /** The job with this id, if {@code caller} may see it. */
    public Optional<JobRecord> find(String id, AccessFilter caller) {
        return store.find(id).filter(j -> j.visibleTo(caller));
    }

    /** The newest jobs {@code caller} may see. */
    public List<JobRecord> list(AccessFilter caller, int limit) {
        return store.list(caller, limit);
    }

    /** Jobs whose process died, oldest first: the ones to resume. */
    public List<JobRecord> interrupted() {
        return store.list(AccessFilter.ALL, JobStore.MAX_LIST).stream().filter(j -> j.state() == JobState.INTERRUPTED)
                .sorted(java.util.Comparator.comparing(JobRecord::createdAt)).toList();
    }

    /** Asks a job {@code caller} may see to stop (see {@link JobStore#requestCancel}); empty when it sees none. */
    public Optional<JobRecord> cancel(String id, AccessFilter caller) {
        if (find(id, caller).isEmpty()) {
            return Optional.empty();
        }
        JobTracker local = running.get(id);
        if (local != null) {
            local.cancel();
        }
        return store.requestCancel(id);
    }

    /** The live counters of a job running in this process, fresher than its stored record. */
    public Optional<JobTracker> tracker(String id) {
        return Optional.ofNullable(running.get(id));
    }

    private void beat() {
        try {
            store.touch(List.copyOf(queued), runner);
            for (JobTracker t : running.values()) {
                if (store.heartbeat(t.jobId(), runner, t.counters(), t.problems())) {
                    t.cancel();
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("job heartbeat failed", e);
        }
    }

    @Override
    public void close() {
        running.values().forEach(JobTracker::cancel);
        heartbeat.shutdownNow();
    }
}
