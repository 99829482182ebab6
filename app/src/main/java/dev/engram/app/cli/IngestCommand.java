package dev.engram.app.cli;

import dev.engram.app.config.Setting;
import java.util.Set;
import dev.engram.app.config.EngramConfig;
import dev.engram.app.runtime.EngramRuntime;
import dev.engram.app.runtime.ExtractorChoice;
import dev.engram.ingest.DocumentSource;
import dev.engram.extraction.triples.TripleExtractor;
import dev.engram.retrieval.graph.GraphRagSettings;
import dev.engram.ingest.IngestOptions;
import dev.engram.ingest.Shard;
import dev.engram.app.jobs.JobWork;
import dev.engram.store.jobs.JobKind;
import dev.engram.store.jobs.JobRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code engram ingest}: files, directories and JSONL corpora into the graph. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest documents (PDF, Word, PowerPoint, Excel, OpenDocument, RTF, EPUB, HTML, e-mail, text, Markdown, "
                + "JSONL; directories recursively) into the graph. "
                + "Unchanged documents are skipped; unreadable ones are reported and skipped.")
final class IngestCommand extends ConfiguredCommand {
    @Option(names = "--communities", description = "After ingesting, recompute and store the communities (as engram communities does).")
    boolean communities;

    @Option(names = "--sync", description = "Make the graph match the one directory given: new files ingested, changed ones "
            + "replaced, unchanged ones skipped, documents of this directory and tenant whose files are gone deleted.")
    boolean sync;

    @Option(names = "--dry-run", description = "With --sync: print what would be added (+), replaced (~) and deleted (-), change nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the result as JSON on stdout (counts, problems with file and reason, "
            + "a sync's plan); progress stays on stderr.")
    boolean json;

    @Parameters(paramLabel = "<paths>", arity = "1..*", description = "Files or directories.")
    List<Path> paths;

    @Option(names = "--include", paramLabel = "<glob>",
            description = "Only files matching these globs inside directories (e.g. '**/*.md').")
    List<String> include = List.of();

    @Option(names = "--acl", split = ",", paramLabel = "<group>", description = "ACL groups that may read the documents.")
    List<String> acl = List.of();

    @Option(names = "--shard", paramLabel = "<i/n>", converter = ShardConverter.class,
            description = "Ingest only share i of n (0 <= i < n) of the documents, by a stable hash of their ids: n "
                    + "processes given 0/n .. n-1/n ingest every document once between them.")
    Shard shard;

    @Option(names = "--workers", paramLabel = "<n>",
            description = "Ingest with n worker processes on this machine, each taking --shard i/n of the documents and "
                    + "writing through this process's store (the embedded one it holds, via its Bolt port, or the same "
                    + "Neo4j server); then rebuild the synonyms once (engram synonyms --rebuild). One job records them "
                    + "all; each worker's shard is a job of its own, resumable on its own.")
    Integer workers;

    /** Parses {@code --shard i/n}. */
    static final class ShardConverter implements picocli.CommandLine.ITypeConverter<Shard> {
        @Override
        public Shard convert(String value) {
            try {
                return Shard.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Option(names = "--compare-embedding",
            description = "Benchmark (into a fresh --data-dir): after the ingest, embed alone everything it had to embed "
                    + "(its chunks, entity names and facts, batched as it does), and print that time, the ingest's "
                    + "throughput as a share of it, and peak heap.")
    boolean compareEmbedding;

    /** Most worker processes one command starts. */
    static final int MAX_WORKERS = 64;

    // this command's own arguments for a worker: the same, less what only the parent does (--shard i/n is added)
    private List<String> workerArgs() {
        List<String> original = spec.root().commandLine().getParseResult().originalArgs();
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < original.size(); i++) {
            String a = original.get(i);
            if (a.equals("--workers") || a.equals("--synonyms")) {
                i++; // and its value
            } else if (!a.startsWith("--workers=") && !a.startsWith("--synonyms=") && !a.equals("--communities")
                    && !a.equals("--json")) {
                out.add(a);
            }
        }
        out.addAll(List.of("--synonyms", "none")); // the parent rebuilds them once, after every worker
        return out;
    }

    private static boolean storeHoldsDocuments(EngramRuntime runtime) {
        try (org.neo4j.driver.Session session = runtime.store().session()) {
            return session.run("MATCH (d:Document) RETURN count(d) > 0 AS any").single().get("any").asBoolean();
        }
    }

    @Override
    Set<Setting> settings() {
        return SettingOptions.of(SettingOptions.EMBEDDING, SettingOptions.COMMUNITIES,
                Set.of(Setting.EXTRACTOR, Setting.TENANT, Setting.INGEST_BATCH, Setting.INGEST_SYNONYMS));
    }

    @Override
    public Integer call() {
        EngramConfig config = config();
        Optional<TripleExtractor> triples = ExtractorChoice.parse(config.ingest().extractor(), config.llm());
        if (dryRun && !sync) {
            System.err.println("--dry-run needs --sync");
            return 2;
        }
        if (sync && shard != null) {
            System.err.println("--shard does not go with --sync");
            return 2;
        }
        if (sync && (paths.size() != 1 || !java.nio.file.Files.isDirectory(paths.getFirst()))) {
            System.err.println("--sync takes exactly one directory");
            return 2;
        }
        if (workers != null && (workers < 1 || workers > MAX_WORKERS)) {
            System.err.println("--workers takes 1 to " + MAX_WORKERS + ", got " + workers);
            return 2;
        }
        if (workers != null && (sync || shard != null || compareEmbedding)) {
            System.err.println("--workers does not go with --sync, --shard or --compare-embedding");
            return 2;
        }
        try (EngramRuntime runtime = EngramRuntime.open(config)) {
            if (workers != null) {
                JobRecord job = runtime.jobs().submit(JobKind.FILES, null, JobWork.files(paths, include,
                        config.ingest().tenant(), acl, config.ingest().extractor(), null));
                long start = System.nanoTime();
                JobRecord end = ConsoleWorkers.run(runtime, ConsoleSync.announce(job), workers, workerArgs(), System.err);
                int exit = json ? JobsCommand.exitCode(end) : JobsCommand.report(end);
                if (json) {
                    System.out.println(IngestJson.of(end, (System.nanoTime() - start) / 1e9, null).text());
                }
                if (communities && exit == 0) {
                    ConsoleCommunities.run(runtime, config.communities(), json ? System.err : System.out, System.err);
                }
                return exit;
            }
            if (sync) {
                return ConsoleSync.run(runtime, config, paths.getFirst(), config.ingest().loader(include), triples,
                        new IngestOptions(config.ingest().batchDocuments(), config.ingest().tenant(), acl,
                                config.ingest().synonyms()), include, dryRun,
                        json);
            }
            DocumentSource source = DocumentSource.files(config.ingest().loader(include), paths);
            if (compareEmbedding && storeHoldsDocuments(runtime)) {
                System.err.println("--compare-embedding: the store already holds documents, so the embedding-only run "
                        + "counts their entities and facts too; give a fresh --data-dir for a fair yardstick");
            }
            JobRecord job = runtime.jobs().submit(JobKind.FILES, null, JobWork.files(paths, include,
                    config.ingest().tenant(), acl, config.ingest().extractor(), shard == null ? null : shard.toString()));
            long start = System.nanoTime();
            JobRecord end = ConsoleIngest.runJob(runtime, config, ConsoleSync.announce(job), System.err);
            double seconds = (System.nanoTime() - start) / 1e9;
            int exit = json ? JobsCommand.exitCode(end) : JobsCommand.report(end);
            if (json) {
                System.out.println(IngestJson.of(end, seconds, null).text());
            }
            if (communities && exit == 0) {
                // stdout holds only the JSON when it was asked for
                ConsoleCommunities.run(runtime, config.communities(), json ? System.err : System.out, System.err);
            }
            if (compareEmbedding) {
                EmbeddingOnlyRun.Floor floor = EmbeddingOnlyRun.measure(runtime,
                        shard == null ? source : shard.of(source), config.ingest().batchDocuments());
                System.out.println(floor.summary());
                System.out.printf("end-to-end ingest: %.1f s; throughput %.0f%% of embedding only; peak heap %d MiB%n",
                        seconds, 100 * floor.seconds() / seconds, EmbeddingOnlyRun.peakHeapMiB());
            }
            return exit;
        }
    }
}
