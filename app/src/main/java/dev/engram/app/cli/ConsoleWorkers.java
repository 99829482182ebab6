package dev.engram.app.cli;

import dev.engram.app.EngramCli;
import dev.engram.app.jobs.WorkerProcesses;
import dev.engram.app.runtime.EngramRuntime;
import dev.engram.ingest.jobs.JobService;
import dev.engram.ingest.jobs.JobTracker;
import dev.engram.store.jobs.JobCounters;
import dev.engram.store.jobs.JobProblem;
import dev.engram.store.jobs.JobRecord;
import dev.engram.store.jobs.JobState;
import dev.engram.ingest.knowledge.EndOfRunResolution;
import dev.engram.ingest.knowledge.KnowledgeStage;
import java.time.ZonedDateTime;
import dev.engram.store.search.AccessFilter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * {@code engram ingest --workers N}: one parent job whose work is N worker processes, each ingesting its shard as a
 * job of its own through this process's store (the embedded store this process holds, via its Bolt port; or the
 * same Neo4j server). The parent shows their combined progress, mirrors their counts into its own record, waits
 * for all, names any that failed with its job and log, and when all succeeded rebuilds the synonyms once.
 */
final class ConsoleWorkers {
    private static final long POLL_MILLIS = 1000;

    private ConsoleWorkers() {}

    /** Runs the parent job {@code id} with {@code workers} children given {@code childArgs}; returns it as it ended. */
    static JobRecord run(EngramRuntime runtime, String id, int workers, List<String> childArgs, PrintStream err) {
        Path logs = Path.of(System.getProperty("java.io.tmpdir"), "engram-workers", id);
        JobService.Work work = (job, tracker) -> {
            err.println("engram: " + workers + " worker processes, logs in " + logs);
            ZonedDateTime since = EndOfRunResolution.now(runtime.store());
            try (WorkerProcesses children = WorkerProcesses.start(workers, EngramCli.class.getName(), childArgs, logs)) {
                List<JobRecord> ends = follow(runtime, children, tracker, err);
                List<String> failures = new ArrayList<>();
                for (int i = 0; i < workers; i++) {
                    WorkerProcesses.Worker w = children.workers().get(i);
                    JobRecord end = ends.get(i);
                    int exit = w.process().exitValue();
                    boolean ok = exit == 0 && end != null && end.state() == JobState.SUCCEEDED;
                    if (!ok) {
                        failures.add(failure(w, exit, end));
                    }
                }
                if (tracker.cancelled()) {
                    return "cancelled; each worker's job keeps what it wrote (engram jobs resume <id> finishes one)";
                }
                if (!failures.isEmpty()) {
                    failures.forEach(f -> err.println("engram: " + f));
                    throw new IllegalStateException(failures.size() + " of " + workers + " workers failed: "
                            + String.join("; ", failures));
                }
                // the workers left name mentions, names' vectors and synonyms to this end: the same as one process's
                KnowledgeStage.EndOfRun.Done end = ConsoleSynonyms.finishRun(runtime.store(), runtime.embedder(), since, err);
                runtime.projections().invalidate();
                JobCounters c = tracker.counters();
                return String.format("%d workers: %d documents written, %d unchanged, %d failed, %d chunks, %d triples; "
                                + "jobs %s; %s", workers, c.documentsWritten(), c.documentsUnchanged(),
                        c.documentsFailed(), c.chunks(), c.triples(),
                        String.join(", ", ends.stream().map(JobRecord::id).toList()), end.summary());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the workers", e);
            }
        };
        return runtime.jobs().run(id, work);
    }

    // polls the children's job records for their counts until every child has exited; returns their last records
    private static List<JobRecord> follow(EngramRuntime runtime, WorkerProcesses children, JobTracker tracker,
                                          PrintStream err) throws InterruptedException {
        List<WorkerProcesses.Worker> workers = children.workers();
        List<JobRecord> last = new ArrayList<>(java.util.Collections.nCopies(workers.size(), null));
        boolean cancelSent = false;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("ingest").setInitialMax(0)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" docs", 1).showSpeed().continuousUpdate()
                .setConsumer(new ConsoleProgressBarConsumer(err)).build()) {
            boolean done;
            do {
                done = children.awaitAll(POLL_MILLIS);
                for (int i = 0; i < workers.size(); i++) {
                    String job = workers.get(i).jobId();
                    if (job != null) {
                        Optional<JobRecord> now = runtime.jobs().find(job, AccessFilter.ALL);
                        if (now.isPresent()) {
                            last.set(i, now.get());
                        }
                    }
                }
                JobCounters sum = sum(last);
                List<JobProblem> problems = new ArrayList<>();
                last.stream().filter(java.util.Objects::nonNull).forEach(j -> problems.addAll(j.problems()));
                tracker.mirror(sum, problems);
                if (sum.documentsTotal() > 0) {
                    bar.maxHint(sum.documentsTotal());
                }
                bar.stepTo(sum.documentsDone());
                long running = workers.stream().filter(w -> w.process().isAlive()).count();
                bar.setExtraMessage(String.format(" %d/%d workers running, %d/%d chunks embedded, %.1f MB read",
                        running, workers.size(), sum.chunksEmbedded(), sum.chunksSplit(), sum.bytesRead() / 1e6));
                if (tracker.cancelled() && !cancelSent) {
                    // each child stops between documents, as a cancelled job of its own
                    last.stream().filter(java.util.Objects::nonNull)
                            .forEach(j -> runtime.jobs().cancel(j.id(), AccessFilter.ALL));
                    cancelSent = true;
                }
            } while (!done);
        }
        return last;
    }

    // a child's job counts only while its process is alive or once it has ended: an unknown total stays unknown
    private static JobCounters sum(List<JobRecord> jobs) {
        long total = 0, read = 0, written = 0, unchanged = 0, failed = 0, split = 0, embedded = 0, chunks = 0,
                triples = 0, bytes = 0;
        boolean known = true;
        for (JobRecord j : jobs) {
            if (j == null) {
                known = false;
                continue;
            }
            JobCounters c = j.counters();
            known &= c.documentsTotal() >= 0;
            total += Math.max(0, c.documentsTotal());
            read += c.documentsRead();
            written += c.documentsWritten();
            unchanged += c.documentsUnchanged();
            failed += c.documentsFailed();
            split += c.chunksSplit();
            embedded += c.chunksEmbedded();
            chunks += c.chunks();
            triples += c.triples();
            bytes += c.bytesRead();
        }
        return new JobCounters(known ? total : -1, read, written, unchanged, failed, split, embedded, chunks, triples, bytes);
    }

    private static String failure(WorkerProcesses.Worker w, int exit, JobRecord end) {
        String job = end == null
                ? "it started no job"
                : "its job " + end.id() + " is " + end.state().name().toLowerCase()
                        + (end.state() == JobState.SUCCEEDED ? ""
                        : " (engram jobs resume " + end.id() + " finishes it; then engram synonyms --rebuild)");
        String tail = String.join(" | ", w.tail());
        return "worker " + w.shard() + " (pid " + w.process().pid() + ") exited with status " + exit + "; " + job
                + "; log " + w.log() + (tail.isEmpty() ? "" : ": " + tail);
    }
}
