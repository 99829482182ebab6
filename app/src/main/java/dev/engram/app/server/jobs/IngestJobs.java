package dev.engram.app.server.jobs;

import dev.engram.app.config.EngramConfig;
import dev.engram.app.runtime.EngramRuntime;
import dev.engram.app.runtime.ExtractorChoice;
import dev.engram.app.server.ApiException;
import dev.engram.records.document.ContentHash;
import dev.engram.extraction.document.DocumentLoader;
import dev.engram.records.document.LoadProblem;
import dev.engram.records.document.SourceDocument;
import dev.engram.extraction.triples.TripleExtractor;
import dev.engram.ingest.DocumentSource;
import dev.engram.ingest.IngestOptions;
import dev.engram.ingest.IngestPipeline;
import dev.engram.ingest.sync.DirectorySync;
import dev.engram.store.search.AccessFilter;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs uploaded files through the ingest pipeline as background jobs, one at a time (ingest saturates the
 * embedder; two at once would only compete for the same cores). Jobs live in memory for the server's lifetime.
 */
@Component
public class IngestJobs {
    private static final Logger LOG = LoggerFactory.getLogger(IngestJobs.class);

    private final EngramRuntime runtime;
    private final Optional<TripleExtractor> extractor;
    private final int batchDocuments;
    private final DocumentLoader loader;
    private final Map<String, IngestJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "engram-ingest-job");
        t.setDaemon(true);
        return t;
    });

    IngestJobs(EngramRuntime runtime, EngramConfig config) {
        this.runtime = runtime;
        this.extractor = ExtractorChoice.parse(config.ingest().extractor(), config.llm());
        this.batchDocuments = config.ingest().batchDocuments();
        this.loader = config.ingest().loader(List.of());
    }

    /** Queues an ingest of files saved under {@code directory} (deleted when the job ends); returns its status. */
    public JobStatus submit(Path directory, List<Path> files, AccessFilter owner, String tenant, List<String> acl) {
        return queue(new IngestJob(UUID.randomUUID().toString(), directory, files, owner, tenant, acl));
    }

    /**
     * Queues an ingest of files and directories read where they are (nothing is deleted afterwards); the caller
     * has already checked that it may read them. Returns the job's status.
     */
    public JobStatus submitInPlace(List<Path> paths, AccessFilter owner, String tenant, List<String> acl) {
        return queue(new IngestJob(UUID.randomUUID().toString(), null, paths, owner, tenant, acl));
    }

    /**
     * Queues a sync of the folder {@code root} for {@code tenant} (see {@link DirectorySync}): with {@code dryRun}
     * the job only works out the plan, which its summary then lists.
     */
    public JobStatus submitSync(Path root, AccessFilter owner, String tenant, List<String> acl, boolean dryRun) {
        return queue(new IngestJob(UUID.randomUUID().toString(), null, List.of(root), owner, tenant, acl,
                dryRun ? IngestJob.Kind.SYNC_PLAN : IngestJob.Kind.SYNC));
    }

    private JobStatus queue(IngestJob job) {
        jobs.put(job.id, job);
        worker.submit(() -> run(job));
        return job.status();
    }

    /** A job the caller may see: its own tenant's, or any for an unrestricted caller. */
    public JobStatus status(String id, AccessFilter caller) {
        return visible(id, caller).status();
    }

    /**
     * Asks a job to stop: no further documents are read; documents already written stay (each is complete or
     * absent, never half-written). Returns the status after the request.
     */
    JobStatus cancel(String id, AccessFilter caller) {
        IngestJob job = visible(id, caller);
        job.requestCancel();
        return job.status();
    }

    private IngestJob visible(String id, AccessFilter caller) {
        IngestJob job = jobs.get(id);
        if (job == null || !(caller.isUnrestricted() || java.util.Objects.equals(caller.tenant(), job.owner.tenant()))) {
            throw ApiException.notFound("no job with id '" + id + "'");
        }
        return job;
    }

    private void run(IngestJob job) {
        if (job.cancelRequested()) {
            job.finish(JobState.CANCELLED, "cancelled before it started");
            deleteQuietly(job.directory);
            return;
        }
        job.running();
        try {
            IngestPipeline pipeline = new IngestPipeline(runtime.store(), runtime.embedder(), runtime.chunker()::chunk,
                    ContentHash::of, extractor.orElse(null), new IngestOptions(batchDocuments, job.tenant, job.acl));
            String summary = switch (job.kind) {
                case FILES -> pipeline.run(source(job), job).summary();
                case SYNC_PLAN -> planText(new DirectorySync(loader, pipeline, runtime.store(), job.tenant).plan(job.files.getFirst()), job, true);
                case SYNC -> {
                    DirectorySync.Result r = new DirectorySync(loader, pipeline, runtime.store(), job.tenant).run(job.files.getFirst(), job);
                    yield r.ingest().summary() + "; " + r.deleted() + " deleted; " + planText(r.plan(), job, false);
                }
            };
            job.finish(job.cancelRequested() ? JobState.CANCELLED : JobState.SUCCEEDED, summary);
        } catch (RuntimeException e) {
            LOG.warn("ingest job {} failed", job.id, e);
            job.finish(JobState.FAILED, "failed: " + e.getMessage());
        } finally {
            runtime.projections().documentsAdded(); // a delta refresh when it only added documents
            deleteQuietly(job.directory);
        }
    }

    /** A sync plan as a job summary: counts, then (for a dry run) the first lines of the plan. */
    private static String planText(DirectorySync.Plan plan, IngestJob job, boolean lines) {
        String text = "sync plan: " + plan.summary();
        if (lines) {
            List<String> all = new DirectorySync.Plan(plan.added(), plan.changed(), plan.unchanged(), plan.removed(),
                    plan.problems().stream().map(job::shown).toList()).lines();
            text += all.isEmpty() ? "" : "\n" + String.join("\n", all.subList(0, Math.min(all.size(), 1000)));
        }
        return text;
    }

    /** The job's files, offered one document at a time until the job is cancelled. */
    private DocumentSource source(IngestJob job) {
        return new DocumentSource() {
            @Override
            public long estimatedCount() {
                return loader.countDocuments(job.files);
            }

            @Override
            public void forEach(Consumer<SourceDocument> documents, Consumer<LoadProblem> problems) {
                loader.forEach(job.files, doc -> {
                    if (!job.cancelRequested()) {
                        documents.accept(doc);
                    }
                }, problems);
            }
        };
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("could not delete {}", directory, e);
        }
    }

    @PreDestroy
    void stop() {
        jobs.values().forEach(IngestJob::requestCancel);
        worker.shutdown();
    }
}
