package dev.engram.app.server.jobs;

import dev.engram.app.server.ApiException;
import dev.engram.app.server.security.Caller;
import dev.engram.store.jobs.JobStore;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ingest jobs, tenant-scoped: list, progress, cancel, resume. Another tenant's job is a 404; cancelling and resuming
 * need a write key.
 */
@RestController
public record JobsController(IngestJobs jobs) {
    /** The newest jobs the caller may see (newest first, at most {@code limit}), including those of earlier runs. */
    @GetMapping("/api/jobs")
    List<JobStatus> list(@RequestParam(name = "limit", defaultValue = "100") int limit, Caller caller) {
        if (limit < 1 || limit > JobStore.MAX_LIST) {
            throw ApiException.badRequest("limit must be between 1 and " + JobStore.MAX_LIST);
        }
        return jobs.list(caller.access(), limit);
    }

    /** One job's state, counters and problems. */
    @GetMapping("/api/jobs/{id}")
    JobStatus job(@PathVariable("id") String id, Caller caller) {
        return jobs.status(id, caller.access());
    }

    /** Asks a job to stop; documents already written stay, each complete or absent. */
    @DeleteMapping("/api/jobs/{id}")
    JobStatus cancel(@PathVariable("id") String id, Caller caller) {
        caller.requireWrite();
        return jobs.cancel(id, caller.access());
    }

    /** Queues an interrupted, failed or cancelled job again to finish its remaining documents. */
    @PostMapping("/api/jobs/{id}/resume")
    @ResponseStatus(HttpStatus.ACCEPTED)
    JobStatus resume(@PathVariable("id") String id, Caller caller) {
        caller.requireWrite();
        return jobs.resume(id, caller.access());
    }
}
