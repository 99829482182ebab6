package dev.engram.app.cli;

import dev.engram.app.config.EngramConfig;
import dev.engram.app.runtime.EngramRuntime;
import dev.engram.extraction.document.DocumentLoader;
import dev.engram.extraction.triples.TripleExtractor;
import dev.engram.ingest.IngestOptions;
import dev.engram.ingest.sync.DirectorySync;
import dev.engram.store.jobs.JobKind;
import dev.engram.store.lexical.DocumentWriter;
import dev.engram.store.jobs.JobParameters;
import dev.engram.store.jobs.JobRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code engram ingest --sync <dir> [--dry-run] [--json]} on the terminal: a dry run's plan, or the sync as a durable
 * job; with {@code json} only the {@link IngestJson} on stdout.
 */
final class ConsoleSync {
    private ConsoleSync() {}

    static int run(EngramRuntime runtime, EngramConfig config, Path root, DocumentLoader loader,
                   Optional<TripleExtractor> extractor, IngestOptions options, List<String> include, boolean dryRun,
                   boolean json) {
        DirectorySync sync = new DirectorySync(loader, ConsoleIngest.pipeline(runtime, extractor, options),
                runtime.store(), options.tenant());
        if (dryRun) {
            DirectorySync.Plan plan = sync.plan(root);
            if (json) {
                System.out.println(IngestJson.ofPlan(plan).text());
                return 0;
            }
            plan.lines().forEach(System.out::println);
            System.out.println("sync plan (dry run, nothing changed): " + plan.summary());
            return 0;
        }
        // the plan the job is about to carry out, for --json (the job itself records counts, not document ids)
        DirectorySync.Plan plan = json ? sync.plan(root) : null;
        JobRecord job = runtime.jobs().submit(JobKind.SYNC, null, new JobParameters(
                List.of(root.toAbsolutePath().normalize().toString()), include, options.tenant(), options.acl(),
                config.ingest().extractor(), false, null, null));
        long start = System.nanoTime();
        JobRecord end = ConsoleIngest.runJob(runtime, config, announce(job), System.err);
        if (!json) {
            return JobsCommand.report(end);
        }
        int stillThere = new DocumentWriter(runtime.store()).existingHashes(plan.removed()).size();
        System.out.println(IngestJson.of(end, (System.nanoTime() - start) / 1e9, new IngestJson.Sync(false,
                plan.added(), plan.changed(), plan.removed(), plan.removed().size() - stillThere)).text());
        return JobsCommand.exitCode(end);
    }

    /** Prints a new job's id on stderr, so that it can be followed or resumed; returns the id. */
    static String announce(JobRecord job) {
        System.err.println("engram: job " + job.id() + " (engram jobs show " + job.id() + ")");
        return job.id();
    }
}
