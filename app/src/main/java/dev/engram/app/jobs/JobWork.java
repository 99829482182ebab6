package dev.engram.app.jobs;

import dev.engram.app.config.EngramConfig;
import dev.engram.app.runtime.EngramRuntime;
import dev.engram.app.runtime.ExtractorChoice;
import dev.engram.extraction.document.DocumentLoader;
import dev.engram.ingest.DocumentSource;
import dev.engram.ingest.IngestListener;
import dev.engram.ingest.IngestOptions;
import dev.engram.ingest.knowledge.SynonymMode;
import dev.engram.ingest.IngestPipeline;
import dev.engram.ingest.Shard;
import dev.engram.ingest.jobs.JobService;
import dev.engram.ingest.jobs.JobTracker;
import dev.engram.ingest.sync.DirectorySync;
import dev.engram.records.document.ContentHash;
import dev.engram.store.jobs.JobKind;
import dev.engram.store.jobs.JobParameters;
import dev.engram.store.jobs.JobRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What an ingest job does, built from its stored parameters alone, so that the command line, the server and a
 * resume after a crash all run a job the same way: its files (or upload, or sync folder) through the runtime's
 * standard pipeline with the extractor, tenant and groups it was started with.
 */
public final class JobWork {
    private JobWork() {}

    /** The parameters of an ingest of {@code paths} read in place. */
    public static JobParameters files(List<Path> paths, List<String> include, String tenant, List<String> acl,
                                      String extractor, String shard) {
        return new JobParameters(paths.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList(), include,
                tenant, acl, extractor, false, null, shard);
    }

    /** The work of jobs in {@code runtime}, reporting to {@code extra} as well (a progress bar; or NONE). */
    public static JobService.Work of(EngramRuntime runtime, EngramConfig config, IngestListener extra) {
        return (job, tracker) -> {
            try {
                return run(runtime, config, job, tracker, IngestListener.both(tracker, extra));
            } finally {
                runtime.projections().documentsAdded(); // a delta refresh when it only added documents
            }
        };
    }

    private static String run(EngramRuntime runtime, EngramConfig config, JobRecord job, JobTracker tracker,
                              IngestListener listener) {
        JobParameters p = job.parameters();
        List<Path> paths = p.paths().stream().map(Path::of).toList();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new IllegalStateException(job.kind() == JobKind.UPLOAD
                        ? "the uploaded files are gone (the server's temporary folder was cleared); upload them again"
                        : "no such file or directory: " + path);
            }
        }
        DocumentLoader loader = config.ingest().loader(p.include());
        IngestPipeline pipeline = new IngestPipeline(runtime.store(), runtime.embedder(), runtime.chunker()::chunk,
                ContentHash::of, ExtractorChoice.parse(p.extractor(), config.llm()).orElse(null),
                new IngestOptions(config.ingest().batchDocuments(), p.tenant(), p.acl(), synonyms(runtime, config, p)));
        String summary = switch (job.kind()) {
            case FILES, UPLOAD -> pipeline.run(tracker.stopping(source(loader, paths, p.shard())), listener).summary();
            case SYNC -> {
                DirectorySync sync = new DirectorySync(loader, pipeline, runtime.store(), p.tenant());
                if (p.dryRun()) {
                    yield planText(sync.plan(paths.getFirst()), true);
                }
                DirectorySync.Result r = sync.run(paths.getFirst(), listener, tracker::cancelled);
                yield r.stopped()
                        ? r.ingest().summary() + "; stopped before the end of the folder, so nothing was deleted"
                        : r.ingest().summary() + "; " + r.deleted() + " deleted; " + planText(r.plan(), false);
            }
        };
        return summary;
    }

    // a shard runs beside other shards, whose writes an end of its own would race: asked for at-end (or auto) it
    // leaves name mentions, name vectors and synonyms to the engram synonyms --rebuild that follows all shards (or
    // to the parent of --workers), which then builds what one process would; and a shard resumed into a store where
    // entities wait for their vector (its siblings deferred) defers too, so a resumed worker's job fits its parent's
    private static SynonymMode synonyms(EngramRuntime runtime, EngramConfig config, JobParameters p) {
        SynonymMode mode = config.ingest().synonyms();
        if (p.shard() == null || mode == SynonymMode.NONE) {
            return mode;
        }
        return mode == SynonymMode.AUTO || mode == SynonymMode.AT_END || entitiesWaitForVectors(runtime)
                ? SynonymMode.NONE : mode;
    }

    private static boolean entitiesWaitForVectors(EngramRuntime runtime) {
        try (org.neo4j.driver.Session session = runtime.store().session()) {
            return session.run("MATCH (e:Entity) WHERE e.embedding IS NULL RETURN count(e) > 0 AS any")
                    .single().get("any").asBoolean();
        }
    }

    private static DocumentSource source(DocumentLoader loader, List<Path> paths, String shard) {
        DocumentSource all = DocumentSource.files(loader, paths);
        return shard == null ? all : Shard.parse(shard).of(all);
    }

    /** A sync plan as a job summary: counts, then (for a dry run) the first lines of the plan. */
    private static String planText(DirectorySync.Plan plan, boolean lines) {
        String text = "sync plan: " + plan.summary();
        if (lines) {
            List<String> all = plan.lines();
            text += all.isEmpty() ? "" : "\n" + String.join("\n", all.subList(0, Math.min(all.size(), 1000)));
        }
        return text;
    }

    /** Deletes an upload's temporary folder. */
    public static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // nothing to do: a leftover temporary folder harms nothing
        }
    }
}
