package dev.engram.app.cli;

import dev.engram.app.runtime.EngramRuntime;
import dev.engram.extraction.document.DocumentLoader;
import dev.engram.extraction.triples.TripleExtractor;
import dev.engram.ingest.IngestOptions;
import dev.engram.ingest.sync.DirectorySync;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code engram ingest --sync <dir> [--dry-run] [--json]} on the terminal: the plan, then (unless a dry run) the
 * sync; with {@code json} only the {@link IngestJson} on stdout.
 */
final class ConsoleSync {
    private ConsoleSync() {}

    static int run(EngramRuntime runtime, Path root, DocumentLoader loader, Optional<TripleExtractor> extractor,
                   IngestOptions options, boolean dryRun, boolean json) {
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
        DirectorySync.Result result = ConsoleIngest.withProgress(runtime, loader.countDocuments(java.util.List.of(root)),
                System.err, listener -> sync.run(root, listener));
        if (json) {
            System.out.println(IngestJson.of(result).text());
            return 0;
        }
        result.plan().lines().forEach(System.out::println);
        System.out.println(result.ingest().summary());
        System.out.println("sync: " + result.plan().summary() + "; " + result.deleted() + " deleted");
        return 0;
    }
}
