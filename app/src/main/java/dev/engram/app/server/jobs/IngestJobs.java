package dev.engram.app.server.jobs;

import dev.engram.app.config.EngramConfig;
import dev.engram.app.jobs.JobWork;
import dev.engram.app.runtime.EngramRuntime;
import dev.engram.app.server.ApiException;
import dev.engram.ingest.IngestListener;
import dev.engram.ingest.jobs.JobService;
import dev.engram.ingest.sync.DirectorySync;
import dev.engram.store.jobs.JobKind;
import dev.engram.store.jobs.JobParameters;
import dev.engram.store.jobs.JobRecord;
import dev.engram.store.jobs.JobState;
import dev.engram.store.search.AccessFilter;
import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The server's ingest jobs: uploads, files read in place and syncs, each a durable job record (see
 * {@link JobService}) run in the background one at a time (ingest saturates the embedder; two at once would only
 * compete for the same cores). Records outlive the server: after a restart they are listed, and the interrupted
 * ones can be resumed.
 */
@Component
public class IngestJobs {
    private static final Logger LOG = LoggerFactory.getLogger(IngestJobs.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final EngramRuntime runtime;
    private final EngramConfig config;
    private final JobService service;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "engram-ingest-job");
        t.setDaemon(true);
        return t;
    });

    IngestJobs(EngramRuntime runtime, EngramConfig config) {
        this.runtime = runtime;
        this.config = config;
        this.service = runtime.jobs();
    }

    /** Queues an ingest of files saved under {@code directory} (deleted when the job ends); returns its status. */
    public JobStatus submit(Path directory, List<Path> files, AccessFilter owner, String tenant, List<String> acl) {
        JobParameters p = JobWork.files(files, List.of(), tenant, acl, config.ingest().extractor(), null);
        return queue(JobKind.UPLOAD, owner, new JobParameters(p.paths(), p.include(), tenant, acl, p.extractor(), false,
                directory.toAbsolutePath().toString(), null));
    }

    /**
     * Queues an ingest of files and directories read where they are (nothing is deleted afterwards); the caller
     * has already checked that it may read them. Returns the job's status.
     */
    public JobStatus submitInPlace(List<Path> paths, AccessFilter owner, String tenant, List<String> acl) {
        return queue(JobKind.FILES, owner, JobWork.files(paths, List.of(), tenant, acl, config.ingest().extractor(), null));
    }

    /**
     * Queues a sync of the folder {@code root} for {@code tenant} (see {@link DirectorySync}): with {@code dryRun}
     * the job only works out the plan, which its summary then lists.
     */
    public JobStatus submitSync(Path root, AccessFilter owner, String tenant, List<String> acl, boolean dryRun) {
        return queue(JobKind.SYNC, owner, new JobParameters(List.of(root.toString()), List.of(), tenant, acl,
                config.ingest().extractor(), dryRun, null, null));
    }

    private JobStatus queue(JobKind kind, AccessFilter owner, JobParameters parameters) {
        JobRecord job = service.submit(kind, owner.isUnrestricted() ? null : owner.tenant(), parameters);
        worker.submit(() -> run(job.id()));
        return JobStatus.of(job);
    }

    /** A job the caller may see: its own tenant's, or any for an unrestricted caller. */
    public JobStatus status(String id, AccessFilter caller) {
        return live(visible(id, caller));
    }

    /** The newest jobs the caller may see, at most {@code limit}. */
    List<JobStatus> list(AccessFilter caller, int limit) {
        return service.list(caller, limit).stream().map(this::live).toList();
    }

    /**
     * Asks a job to stop: no further documents are read; documents already written stay (each is complete or
     * absent, never half-written). Returns the status after the request.
     */
    JobStatus cancel(String id, AccessFilter caller) {
        visible(id, caller);
        return live(service.cancel(id, caller).orElseThrow(() -> notFound(id)));
    }

    /**
     * Queues an interrupted, failed or cancelled job again: it reads its documents again, skipping those already
     * complete (by content hash), so it finishes the rest and duplicates nothing. 409 for a job that is queued,
     * running or has succeeded.
     */
    JobStatus resume(String id, AccessFilter caller) {
        JobRecord job = visible(id, caller);
        JobRecord queued = service.requeue(id).orElseThrow(() -> ApiException.conflict(
                "job " + id + " is " + job.state().name().toLowerCase()
                        + "; only an interrupted, failed or cancelled job can be resumed"));
        worker.submit(() -> run(id));
        return JobStatus.of(queued);
    }

    /** Queues every interrupted job again ({@code engram serve --resume-jobs}); returns how many. */
    public int resumeInterrupted() {
        int n = 0;
        for (JobRecord job : service.interrupted()) {
            if (service.requeue(job.id()).isPresent()) {
                worker.submit(() -> run(job.id()));
                n++;
            }
        }
        return n;
    }

    private JobRecord visible(String id, AccessFilter caller) {
        if (id == null || !ID.matcher(id).matches()) {
            throw ApiException.badRequest("a job id is 1 to 64 letters, digits and dashes");
        }
        return service.find(id, caller).orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("no job with id '" + id + "'");
    }

    /** A job's status with the live counters when it runs here (fresher than its last heartbeat). */
    private JobStatus live(JobRecord job) {
        return service.tracker(job.id()).map(t -> JobStatus.of(job, t.counters(), t.problems())).orElse(JobStatus.of(job));
    }

    private void run(String id) {
        try {
            JobRecord end = service.run(id, JobWork.of(runtime, config, IngestListener.NONE));
            String upload = end.parameters().uploadDirectory();
            if (upload != null && end.state() != JobState.FAILED) {
                JobWork.deleteQuietly(Path.of(upload));
            }
        } catch (JobService.NotClaimable e) {
            LOG.info("ingest job {} not run: {}", id, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("ingest job {} could not be recorded", id, e);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
