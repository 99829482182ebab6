package dev.engram.ingest.jobs;

import dev.engram.ingest.DocumentSource;
import dev.engram.ingest.IngestListener;
import dev.engram.records.document.LoadProblem;
import dev.engram.store.jobs.JobCounters;
import dev.engram.store.jobs.JobProblem;
import dev.engram.store.jobs.JobRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Counts one running job's progress as the pipeline reports it, and carries its cancellation. Thread-safe. */
public final class JobTracker implements IngestListener {
    private final String jobId;
    private final AtomicLong total = new AtomicLong(-1);
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong split = new AtomicLong();
    private final AtomicLong embedded = new AtomicLong();
    private final AtomicLong chunks = new AtomicLong();
    private final AtomicLong triples = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final List<JobProblem> problems = new ArrayList<>();
    private volatile boolean cancelled;

    JobTracker(String jobId) {
        this.jobId = jobId;
    }

    /** The job this tracker counts. */
    public String jobId() {
        return jobId;
    }

    @Override
    public void started(long totalDocuments) {
        total.set(totalDocuments);
    }

    @Override
    public void documentRead(String documentId, long size) {
        read.incrementAndGet();
        bytes.addAndGet(size);
    }

    @Override
    public void chunksSplit(int n) {
        split.addAndGet(n);
    }

    @Override
    public void chunksEmbedded(int n) {
        embedded.addAndGet(n);
    }

    @Override
    public void documentDone(String documentId, int chunkCount, int tripleCount, boolean wasUnchanged) {
        (wasUnchanged ? unchanged : written).incrementAndGet();
        chunks.addAndGet(chunkCount);
        triples.addAndGet(tripleCount);
    }

    @Override
    public void problem(LoadProblem problem) {
        failed.incrementAndGet();
        synchronized (problems) {
            if (problems.size() < JobRecord.MAX_PROBLEMS) {
                problems.add(new JobProblem(problem.file(), problem.line(), problem.message()));
            }
        }
    }

    /** The counts so far. */
    public JobCounters counters() {
        return new JobCounters(total.get(), read.get(), written.get(), unchanged.get(), failed.get(), split.get(),
                embedded.get(), chunks.get(), triples.get(), bytes.get());
    }

    /** The problems so far (the first {@link JobRecord#MAX_PROBLEMS}). */
    public List<JobProblem> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    /**
     * Sets the counts and problems to those of the jobs this one waits on (the worker processes of
     * {@code engram ingest --workers}), which count their own documents; its own listener events are not mixed in.
     */
    public void mirror(JobCounters sum, List<JobProblem> childProblems) {
        total.set(sum.documentsTotal());
        read.set(sum.documentsRead());
        written.set(sum.documentsWritten());
        unchanged.set(sum.documentsUnchanged());
        failed.set(sum.documentsFailed());
        split.set(sum.chunksSplit());
        embedded.set(sum.chunksEmbedded());
        chunks.set(sum.chunks());
        triples.set(sum.triples());
        bytes.set(sum.bytesRead());
        synchronized (problems) {
            problems.clear();
            problems.addAll(childProblems.subList(0, Math.min(childProblems.size(), JobRecord.MAX_PROBLEMS)));
        }
    }

    /** Asks the job to stop offering documents. */
    public void cancel() {
        cancelled = true;
    }

    /** True once someone asked the job to stop. */
    public boolean cancelled() {
        return cancelled;
    }

    /**
     * {@code source}, offering no further documents once the job is cancelled: the batch in flight is still
     * written and marked complete, so every document is complete or absent.
     */
    public DocumentSource stopping(DocumentSource source) {
        return DocumentSource.from(source::estimatedCount, (documents, loadProblems) -> source.forEach(d -> {
            if (!cancelled) {
                documents.accept(d);
            }
        }, p -> {
            if (!cancelled) {
                loadProblems.accept(p);
            }
        }));
    }
}
