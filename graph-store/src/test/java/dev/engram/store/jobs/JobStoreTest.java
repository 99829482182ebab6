package dev.engram.store.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.store.search.AccessFilter;
import dev.engram.store.testing.StoreTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Job records: one claimant at a time, tenant-scoped listing, dead runners read as interrupted. */
class JobStoreTest extends StoreTestBase {
    private static final JobParameters FILES = new JobParameters(List.of("/data/corpus.jsonl"), List.of(), "tenantA",
            List.of("g1"), "rule", false, null, null);

    private static String deadRunner() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        return RunnerIdentity.current().replaceFirst("/\\d+/\\d+$", "/" + gone.pid() + "/0");
    }

    @Test
    void aQueuedJobIsClaimedOnceAndItsProgressAndEndAreStored() {
        JobStore jobs = new JobStore(store);
        JobRecord queued = JobRecord.queued("job-1", JobKind.FILES, "tenantA", FILES, RunnerIdentity.current());
        jobs.create(queued);
        assertThat(jobs.find("job-1").orElseThrow().state()).isEqualTo(JobState.QUEUED);
        assertThat(jobs.claim("job-1", RunnerIdentity.current())).isPresent();
        assertThat(jobs.claim("job-1", RunnerIdentity.current())).as("already running").isEmpty();
        assertThat(jobs.requeue("job-1", "elsewhere/1/1")).as("running: not taken over").isEmpty();

        JobCounters progress = new JobCounters(10, 4, 3, 1, 0, 40, 30, 25, 12, 4096);
        List<JobProblem> problems = List.of(new JobProblem("bad.pdf", 0, "encrypted (password-protected); cannot be read"));
        assertThat(jobs.heartbeat("job-1", RunnerIdentity.current(), progress, problems)).as("no cancel asked").isFalse();
        JobRecord running = jobs.find("job-1").orElseThrow();
        assertThat(running.state()).isEqualTo(JobState.RUNNING);
        assertThat(running.counters()).isEqualTo(progress);
        assertThat(running.problems()).isEqualTo(problems);
        assertThat(running.parameters()).isEqualTo(FILES);
        assertThat(running.attempts()).isEqualTo(1);

        assertThat(jobs.requestCancel("job-1").orElseThrow().cancelRequested()).isTrue();
        assertThat(jobs.heartbeat("job-1", RunnerIdentity.current(), progress, problems)).as("cancel asked").isTrue();
        jobs.finish("job-1", RunnerIdentity.current(), JobState.CANCELLED, progress, problems, "stopped");
        JobRecord end = jobs.find("job-1").orElseThrow();
        assertThat(end.state()).isEqualTo(JobState.CANCELLED);
        assertThat(end.summary()).isEqualTo("stopped");
        assertThat(end.finishedAt()).isNotNull();
        assertThat(jobs.heartbeat("job-1", "another/1/1", progress, List.of())).as("not its runner").isTrue();
    }

    @Test
    void aHeartbeatArrivingAfterTheEndLeavesTheFinalCounters() {
        JobStore jobs = new JobStore(store);
        jobs.create(JobRecord.queued("job-4", JobKind.UPLOAD, "tenantA", FILES, RunnerIdentity.current()));
        jobs.claim("job-4", RunnerIdentity.current()).orElseThrow();
        JobCounters before = new JobCounters(1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        JobCounters last = new JobCounters(1, 1, 1, 0, 0, 3, 3, 3, 5, 120);
        jobs.finish("job-4", RunnerIdentity.current(), JobState.SUCCEEDED, last, List.of(), "1 written");
        // the heartbeat thread read the counters before the job ended, and its write lands after the end
        jobs.heartbeat("job-4", RunnerIdentity.current(), before, List.of());
        JobRecord end = jobs.find("job-4").orElseThrow();
        assertThat(end.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(end.counters()).isEqualTo(last);
    }

    @Test
    void jobsOfADeadProcessReadAsInterruptedAndCanBeResumedOrCancelled() throws Exception {
        JobStore jobs = new JobStore(store);
        String dead = deadRunner();
        jobs.create(JobRecord.queued("job-2", JobKind.UPLOAD, "tenantA", FILES, dead));
        jobs.create(JobRecord.queued("job-3", JobKind.SYNC, "tenantB", FILES, dead));
        assertThat(jobs.find("job-2").orElseThrow().state()).isEqualTo(JobState.INTERRUPTED);
        assertThat(jobs.requestCancel("job-3").orElseThrow().state()).isEqualTo(JobState.CANCELLED);

        JobRecord requeued = jobs.requeue("job-2", RunnerIdentity.current()).orElseThrow();
        assertThat(requeued.state()).isEqualTo(JobState.QUEUED);
        assertThat(jobs.requeue("job-2", RunnerIdentity.current())).as("queued already").isEmpty();
        assertThat(jobs.claim("job-2", "other-host/1/1")).as("queued in another process").isEmpty();
        assertThat(jobs.claim("job-2", RunnerIdentity.current()).orElseThrow().state()).isEqualTo(JobState.RUNNING);
    }

    @Test
    void listingShowsEachTenantOnlyItsOwnJobs() {
        JobStore jobs = new JobStore(store);
        jobs.create(JobRecord.queued("a", JobKind.FILES, "tenantA", FILES, RunnerIdentity.current()));
        jobs.create(JobRecord.queued("b", JobKind.FILES, "tenantB", FILES, RunnerIdentity.current()));
        jobs.create(JobRecord.queued("cli", JobKind.FILES, null, FILES, RunnerIdentity.current()));
        assertThat(jobs.list(new AccessFilter("tenantA", List.of("g1")), 10)).extracting(JobRecord::id).containsExactly("a");
        assertThat(jobs.list(new AccessFilter("tenantB", List.of()), 10)).extracting(JobRecord::id).containsExactly("b");
        assertThat(jobs.list(AccessFilter.ALL, 10)).extracting(JobRecord::id).containsExactlyInAnyOrder("a", "b", "cli");
        assertThat(jobs.list(AccessFilter.ALL, 2)).hasSize(2);
        assertThat(jobs.find("a").orElseThrow().visibleTo(new AccessFilter("tenantB", List.of()))).isFalse();
        assertThat(jobs.find("a").orElseThrow().visibleTo(new AccessFilter("tenantA", List.of()))).isTrue();
    }
}
