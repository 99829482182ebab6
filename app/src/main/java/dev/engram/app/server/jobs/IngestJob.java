package dev.engram.app.server.jobs;

import dev.engram.app.server.jobs.JobStatus.DocumentError;
import dev.engram.records.document.LoadProblem;
import dev.engram.ingest.IngestListener;
import dev.engram.store.search.AccessFilter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One upload being ingested: its files, who owns it, and progress as the pipeline reports it. Thread-safe.
 * {@code directory} is the temporary folder to delete afterwards, or null when the files are read in place.
 */
final class IngestJob implements IngestListener {
    private static final int MAX_ERRORS = 1000;

    final String id;
    final Path directory;
    final List<Path> files;
    final AccessFilter owner;
    final String tenant;
    final List<String> acl;
    final Kind kind;

    /** What the job does: ingest its files, sync its one folder, or only work out the sync's plan. */
    enum Kind { FILES, SYNC, SYNC_PLAN }
    private final Instant created = Instant.now();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final List<DocumentError> errors = new ArrayList<>();
    private volatile long total = -1;
    private volatile JobState state = JobState.QUEUED;
    private volatile boolean cancelRequested;
    private volatile String summary;
    private volatile Instant finished;

    IngestJob(String id, Path directory, List<Path> files, AccessFilter owner, String tenant, List<String> acl) {
        this(id, directory, files, owner, tenant, acl, Kind.FILES);
    }

    IngestJob(String id, Path directory, List<Path> files, AccessFilter owner, String tenant, List<String> acl, Kind kind) {
        this.kind = kind;
        this.id = id;
        this.directory = directory;
        this.files = List.copyOf(files);
        this.owner = owner;
        this.tenant = tenant;
        this.acl = List.copyOf(acl);
    }

    @Override
    public void started(long totalDocuments) {
        total = totalDocuments;
    }

    @Override
    public void documentDone(String documentId, int chunks, int triples, boolean wasUnchanged) {
        done.incrementAndGet();
        (wasUnchanged ? unchanged : written).incrementAndGet();
    }

    @Override
    public void problem(LoadProblem problem) {
        done.incrementAndGet();
        synchronized (errors) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(new DocumentError(shown(problem.file()), problem.line(), problem.message()));
            }
        }
    }

    /**
     * A file as the caller may see it: relative to the upload folder, or to the sync folder's parent (as document
     * ids are), so that a job's status tells no server paths.
     */
    String shown(String file) {
        Path base = directory != null ? directory
                : kind != Kind.FILES ? files.getFirst().toAbsolutePath().normalize().getParent() : null;
        Path path;
        try {
            path = Path.of(file).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return file;
        }
        if (base == null || !path.isAbsolute()) {
            return file; // a document id (as for a refused document) is shown as it is
        }
        return path.startsWith(base) ? base.relativize(path).toString().replace('\\', '/') : path.getFileName().toString();
    }

    /** A problem with its file {@link #shown shown} as the caller may see it. */
    LoadProblem shown(LoadProblem problem) {
        return new LoadProblem(shown(problem.file()), problem.line(), problem.message());
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    void requestCancel() {
        cancelRequested = true;
    }

    void running() {
        state = JobState.RUNNING;
    }

    void finish(JobState end, String text) {
        summary = text;
        finished = Instant.now();
        state = end;
    }

    boolean finished() {
        return finished != null;
    }

    JobStatus status() {
        List<DocumentError> copy;
        synchronized (errors) {
            copy = List.copyOf(errors);
        }
        return new JobStatus(id, state, done.get(), total, written.get(), unchanged.get(), copy, summary,
                created.toString(), finished == null ? null : finished.toString());
    }
}
