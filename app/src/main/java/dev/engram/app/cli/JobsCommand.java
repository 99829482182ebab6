package dev.engram.app.cli;

import dev.engram.app.config.EngramConfig;
import dev.engram.app.config.Setting;
import dev.engram.app.runtime.EngramRuntime;
import dev.engram.ingest.jobs.JobService;
import dev.engram.store.jobs.JobCounters;
import dev.engram.store.jobs.JobProblem;
import dev.engram.store.jobs.JobRecord;
import dev.engram.store.jobs.JobState;
import dev.engram.store.jobs.JobStore;
import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.search.AccessFilter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code engram jobs list|show|cancel|resume}: the durable ingest jobs of this store, from any process. */
@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = "Ingest jobs recorded in the graph (by engram ingest and the server): list them, show one, cancel "
                + "one (a running job stops after its current batch), or resume an interrupted, failed or cancelled one "
                + "in this process (documents already complete are skipped by content hash).")
final class JobsCommand extends ConfiguredCommand {
    /** What to do. */
    enum Action { list, show, cancel, resume }

    @Parameters(index = "0", paramLabel = "list|show|cancel|resume", description = "What to do.")
    Action action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "<id>", description = "The job (show, cancel, resume).")
    String id;

    @Option(names = "--limit", description = "list: at most this many jobs, newest first (default ${DEFAULT-VALUE}).")
    int limit = 50;

    @Override
    Set<Setting> settings() {
        return SettingOptions.of(SettingOptions.EMBEDDING, Set.of(Setting.INGEST_BATCH, Setting.INGEST_SYNONYMS));
    }

    @Override
    public Integer call() {
        if (action != Action.list && id == null) {
            System.err.println("engram jobs " + action + " needs a job id (see engram jobs list)");
            return 2;
        }
        if (action == Action.resume) {
            EngramConfig config = config();
            try (EngramRuntime runtime = EngramRuntime.open(config)) {
                try {
                    return report(ConsoleIngest.runJob(runtime, config, id, System.err));
                } catch (JobService.NotClaimable e) {
                    System.err.println("engram: " + e.getMessage());
                    return 1;
                }
            }
        }
        try (GraphStore store = openStore()) {
            JobStore jobs = new JobStore(store);
            switch (action) {
                case list -> {
                    List<JobRecord> all = jobs.list(AccessFilter.ALL, Math.max(1, Math.min(limit, JobStore.MAX_LIST)));
                    all.forEach(j -> System.out.println(line(j)));
                    if (all.isEmpty()) {
                        System.err.println("no jobs");
                    }
                    return 0;
                }
                case show -> {
                    Optional<JobRecord> job = jobs.find(id);
                    job.ifPresent(j -> System.out.print(details(j)));
                    return job.isPresent() ? 0 : missing();
                }
                default -> {
                    Optional<JobRecord> job = jobs.requestCancel(id);
                    job.ifPresent(j -> System.out.println(j.state() == JobState.CANCELLED ? "cancelled " + id
                            : j.state().finished() ? id + " had already ended: " + j.state().name().toLowerCase()
                            : "asked " + id + " to stop; it stops after its current batch"));
                    return job.isPresent() ? 0 : missing();
                }
            }
        }
    }

    private int missing() {
        System.err.println("engram: no job with id '" + id + "'");
        return 1;
    }

    /** Prints how a job run here ended; the exit code: 0 succeeded, 1 otherwise (or nothing readable). */
    static int report(JobRecord end) {
        if (end.summary() != null) {
            System.out.println(end.summary());
        }
        return exitCode(end);
    }

    /**
     * The exit status for a finished job: 1 (saying why on stderr) when it did not succeed, or when it failed on every
     * document it was given; else 0.
     */
    static int exitCode(JobRecord end) {
        if (end.state() != JobState.SUCCEEDED) {
            System.err.println("engram: job " + end.id() + " " + end.state().name().toLowerCase()
                    + (end.state() == JobState.FAILED ? "" : "; engram jobs resume " + end.id() + " finishes it"));
            return 1;
        }
        JobCounters c = end.counters();
        return c.documentsRead() == 0 && c.documentsFailed() > 0 ? 1 : 0;
    }

    private static String line(JobRecord j) {
        JobCounters c = j.counters();
        return String.format("%s  %-6s %-11s %d/%s docs, %d chunks  %s%s", j.id(), j.kind().name().toLowerCase(),
                j.state().name().toLowerCase(), c.documentsDone(), c.documentsTotal() < 0 ? "?" : c.documentsTotal(),
                c.chunks(), j.createdAt(), j.owner() == null ? "" : "  tenant " + j.owner())
                + (j.parameters().shard() == null ? "" : "  shard " + j.parameters().shard());
    }

    private static String details(JobRecord j) {
        JobCounters c = j.counters();
        StringBuilder sb = new StringBuilder();
        sb.append("job ").append(j.id()).append('\n')
                .append("kind: ").append(j.kind().name().toLowerCase()).append('\n')
                .append("state: ").append(j.state().name().toLowerCase()).append(j.cancelRequested() && !j.state().finished()
                        ? " (cancel requested)" : "").append('\n')
                .append("paths: ").append(String.join(", ", j.parameters().paths())).append('\n');
        if (j.parameters().tenant() != null) {
            sb.append("tenant: ").append(j.parameters().tenant()).append('\n');
        }
        if (j.parameters().shard() != null) {
            sb.append("shard: ").append(j.parameters().shard()).append('\n');
        }
        sb.append(String.format("documents: %d read, %d written, %d unchanged, %d failed (of %s)%n", c.documentsRead(),
                c.documentsWritten(), c.documentsUnchanged(), c.documentsFailed(),
                c.documentsTotal() < 0 ? "?" : String.valueOf(c.documentsTotal())));
        sb.append(String.format("chunks: %d embedded of %d split, %d written; triples: %d; text read: %.1f MB%n",
                c.chunksEmbedded(), c.chunksSplit(), c.chunks(), c.triples(), c.bytesRead() / 1e6));
        sb.append("created: ").append(j.createdAt()).append('\n');
        if (j.startedAt() != null) {
            sb.append("started: ").append(j.startedAt()).append(" (attempt ").append(j.attempts()).append(")\n");
        }
        sb.append("heartbeat: ").append(j.heartbeatAt()).append('\n');
        if (j.finishedAt() != null) {
            sb.append("finished: ").append(j.finishedAt()).append('\n');
        }
        for (JobProblem p : j.problems()) {
            sb.append("problem: ").append(p.file()).append(p.line() > 0 ? ":" + p.line() : "").append(": ")
                    .append(p.reason()).append('\n');
        }
        if (j.summary() != null) {
            sb.append(j.summary()).append('\n');
        }
        return sb.toString();
    }
}
