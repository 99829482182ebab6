package dev.engram.store.jobs;

import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.search.AccessFilter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/**
 * Ingest jobs as {@code (:IngestJob)} nodes, so they outlive the process that ran them. A running job's process
 * writes its counters and a heartbeat every few seconds; a job whose process is gone (known dead on this host, or
 * silent for longer than {@code staleAfter}) reads as interrupted and may be claimed again to resume it.
 */
public final class JobStore {
    /** Default silence after which a job's process is taken for dead. */
    public static final Duration STALE_AFTER = Duration.ofSeconds(60);
    /** Most jobs one listing returns. */
    public static final int MAX_LIST = 1000;

    private final GraphStore store;
    private final Duration staleAfter;

    /** Jobs in {@code store}, stale after {@link #STALE_AFTER}. */
    public JobStore(GraphStore store) {
        this(store, STALE_AFTER);
    }

    /** Jobs in {@code store} whose runners count as dead after {@code staleAfter} of silence. */
    public JobStore(GraphStore store, Duration staleAfter) {
        this.store = store;
        this.staleAfter = staleAfter;
    }

    /** Stores a new job. */
    public void create(JobRecord job) {
        Map<String, Object> props = new HashMap<>(Map.of("id", job.id(), "kind", job.kind().name(),
                "state", job.state().name(), "createdAt", job.createdAt().toEpochMilli(),
                "heartbeat", job.heartbeatAt().toEpochMilli(), "cancelRequested", false, "attempts", 0));
        if (job.owner() != null) {
            props.put("owner", job.owner());
        }
        if (job.runner() != null) {
            props.put("runner", job.runner());
        }
        JobParameters p = job.parameters();
        props.put("paths", p.paths());
        props.put("include", p.include());
        props.put("acl", p.acl());
        props.put("dryRun", p.dryRun());
        putIfSet(props, "tenant", p.tenant());
        putIfSet(props, "extractor", p.extractor());
        putIfSet(props, "uploadDirectory", p.uploadDirectory());
        putIfSet(props, "shard", p.shard());
        props.putAll(counterProps(job.counters()));
        props.put("problemFiles", List.of());
        props.put("problemLines", List.of());
        props.put("problemReasons", List.of());
        try (Session s = store.session()) {
            s.executeWriteWithoutResult(tx -> tx.run("CREATE (j:IngestJob) SET j = $props", Map.of("props", props)).consume());
        }
    }

    /** The job with this id, in its effective state. */
    public Optional<JobRecord> find(String id) {
        try (Session s = store.session()) {
            return s.executeRead(tx -> tx.run("MATCH (j:IngestJob {id: $id}) RETURN j", Map.of("id", id)).list())
                    .stream().findFirst().map(r -> effective(read(r.get("j").asNode())));
        }
    }

    /** The newest jobs {@code caller} may see (see {@link JobRecord#visibleTo}), at most {@code limit}. */
    public List<JobRecord> list(AccessFilter caller, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("all", caller.isUnrestricted());
        params.put("owner", caller.tenant());
        params.put("limit", Math.min(Math.max(limit, 0), MAX_LIST));
        try (Session s = store.session()) {
            return s.executeRead(tx -> tx.run("""
                    MATCH (j:IngestJob) WHERE $all OR j.owner = $owner OR (j.owner IS NULL AND $owner IS NULL)
                    RETURN j ORDER BY j.createdAt DESC, j.id LIMIT $limit""", params).list(r -> effective(read(r.get("j").asNode()))));
        }
    }

    /**
     * Claims a job for {@code runner} to run it now: a queued job, or (to resume it) an interrupted, failed or
     * cancelled one. Its counters and problems start again from nothing; a queued job keeps a cancellation asked
     * for while it waited. Empty when the job is not claimable (running elsewhere, succeeded, or gone); two
     * processes never both get it.
     */
    public Optional<JobRecord> claim(String id, String runner) {
        return take(id, runner, JobState.RUNNING);
    }

    /**
     * Queues an interrupted, failed or cancelled job again in {@code runner}, to resume it when its turn comes (then
     * {@link #claim} it). Empty when the job is queued or running elsewhere, has succeeded, or does not exist.
     */
    public Optional<JobRecord> requeue(String id, String runner) {
        return take(id, runner, JobState.QUEUED);
    }

    private Optional<JobRecord> take(String id, String runner, JobState target) {
        try (Session s = store.session()) {
            return s.executeWrite(tx -> {
                Optional<JobRecord> locked = lock(tx, id);
                if (locked.isEmpty()) {
                    return Optional.<JobRecord>empty();
                }
                JobRecord job = locked.get();
                JobState state = job.state();
                boolean mineQueued = state == JobState.QUEUED && runner.equals(job.runner());
                boolean takeable = switch (state) {
                    case INTERRUPTED, FAILED, CANCELLED -> true;
                    case QUEUED -> target == JobState.RUNNING && mineQueued;
                    case RUNNING, SUCCEEDED -> false;
                };
                if (!takeable) {
                    return Optional.<JobRecord>empty();
                }
                long now = Instant.now().toEpochMilli();
                Map<String, Object> props = new HashMap<>(counterProps(JobCounters.NONE));
                props.putAll(Map.of("state", target.name(), "runner", runner, "heartbeat", now,
                        "cancelRequested", mineQueued && job.cancelRequested(),
                        "problemFiles", List.of(), "problemLines", List.of(), "problemReasons", List.of()));
                if (target == JobState.RUNNING) {
                    props.put("startedAt", now);
                }
                tx.run("MATCH (j:IngestJob {id: $id}) SET j += $props, j.attempts = j.attempts + $attempt REMOVE j.finishedAt, j.summary",
                        Map.of("id", id, "props", props, "attempt", target == JobState.RUNNING ? 1 : 0)).consume();
                return Optional.of(read(tx, id));
            });
        }
    }

    /**
     * Writes a running job's progress, heartbeat and problems so far (the first {@link JobRecord#MAX_PROBLEMS}). Returns whether someone asked the job to stop; true as well when another runner has claimed it since.
     * A job that has ended keeps its final counters: a beat that read the counters before the end and arrives after
     * it writes nothing.
     */
    public boolean heartbeat(String id, String runner, JobCounters counters, List<JobProblem> problems) {
        try (Session s = store.session()) {
            return s.executeWrite(tx -> {
                List<Record> rows = tx.run("""
                        MATCH (j:IngestJob {id: $id})
                        WITH j, j.runner = $runner AS mine
                        FOREACH (_ IN CASE WHEN mine AND j.state = 'RUNNING' THEN [1] ELSE [] END |
                          SET j += $counters, j.heartbeat = timestamp(),
                              j.problemFiles = $files, j.problemLines = $lines, j.problemReasons = $reasons)
                        RETURN mine, j.cancelRequested AS cancel""", problemParams(id, runner, counters, problems)).list();
                return rows.isEmpty() || !rows.getFirst().get("mine").asBoolean() || rows.getFirst().get("cancel").asBoolean();
            });
        }
    }

    /** Ends a job this runner holds in {@code state} with its last counters, problems and a summary. */
    public void finish(String id, String runner, JobState state, JobCounters counters, List<JobProblem> problems,
                       String summary) {
        Map<String, Object> params = problemParams(id, runner, counters, problems);
        params.put("state", state.name());
        params.put("summary", summary);
        try (Session s = store.session()) {
            s.executeWriteWithoutResult(tx -> tx.run("""
                    MATCH (j:IngestJob {id: $id}) WHERE j.runner = $runner
                    SET j += $counters, j.state = $state, j.summary = $summary, j.finishedAt = timestamp(),
                        j.heartbeat = timestamp(),
                        j.problemFiles = $files, j.problemLines = $lines, j.problemReasons = $reasons""", params).consume());
        }
    }

    /** Keeps queued jobs of this runner alive while they wait for their turn. */
    public void touch(List<String> ids, String runner) {
        if (ids.isEmpty()) {
            return;
        }
        try (Session s = store.session()) {
            s.executeWriteWithoutResult(tx -> tx.run("""
                    UNWIND $ids AS id MATCH (j:IngestJob {id: id}) WHERE j.runner = $runner AND j.state = 'QUEUED'
                    SET j.heartbeat = timestamp()""", Map.of("ids", ids, "runner", runner)).consume());
        }
    }

    /**
     * Asks a job to stop. A live job stops at its next document (what it wrote stays, each document complete or
     * absent); one whose process is gone is cancelled at once. Returns the job afterwards, empty when there is none.
     */
    public Optional<JobRecord> requestCancel(String id) {
        try (Session s = store.session()) {
            return s.executeWrite(tx -> {
                Optional<JobRecord> locked = lock(tx, id);
                if (locked.isEmpty()) {
                    return Optional.<JobRecord>empty();
                }
                JobState state = locked.get().state();
                if (state == JobState.RUNNING || state == JobState.QUEUED) {
                    tx.run("MATCH (j:IngestJob {id: $id}) SET j.cancelRequested = true", Map.of("id", id)).consume();
                } else if (state == JobState.INTERRUPTED) {
                    tx.run("""
                            MATCH (j:IngestJob {id: $id}) SET j.cancelRequested = true, j.state = 'CANCELLED',
                                j.finishedAt = timestamp(), j.summary = 'cancelled while interrupted'""", Map.of("id", id)).consume();
                }
                return Optional.of(effective(read(tx, id)));
            });
        }
    }

    private Optional<JobRecord> lock(TransactionContext tx, String id) {
        // the write takes the node's lock: whoever claims or cancels first wins, the other sees the result
        List<Record> rows = tx.run("MATCH (j:IngestJob {id: $id}) SET j.touched = timestamp() RETURN j", Map.of("id", id)).list();
        return rows.isEmpty() ? Optional.empty() : Optional.of(effective(read(rows.getFirst().get("j").asNode())));
    }

    private JobRecord read(TransactionContext tx, String id) {
        return read(tx.run("MATCH (j:IngestJob {id: $id}) RETURN j", Map.of("id", id)).single().get("j").asNode());
    }

    private JobRecord effective(JobRecord job) {
        boolean live = job.state() == JobState.RUNNING || job.state() == JobState.QUEUED;
        boolean gone = RunnerIdentity.knownDead(job.runner())
                || job.heartbeatAt().plus(staleAfter).isBefore(Instant.now());
        return live && gone ? job.withState(JobState.INTERRUPTED) : job;
    }

    private static JobRecord read(Node n) {
        JobParameters p = new JobParameters(strings(n.get("paths")), strings(n.get("include")), text(n.get("tenant")),
                strings(n.get("acl")), text(n.get("extractor")), n.get("dryRun").asBoolean(false),
                text(n.get("uploadDirectory")), text(n.get("shard")));
        JobCounters c = new JobCounters(n.get("documentsTotal").asLong(-1), n.get("documentsRead").asLong(0),
                n.get("documentsWritten").asLong(0), n.get("documentsUnchanged").asLong(0),
                n.get("documentsFailed").asLong(0), n.get("chunksSplit").asLong(0), n.get("chunksEmbedded").asLong(0),
                n.get("chunks").asLong(0), n.get("triples").asLong(0), n.get("bytesRead").asLong(0));
        List<String> files = strings(n.get("problemFiles"));
        List<Long> lines = n.get("problemLines").isNull() ? List.of() : n.get("problemLines").asList(Value::asLong);
        List<String> reasons = strings(n.get("problemReasons"));
        List<JobProblem> problems = new ArrayList<>();
        for (int i = 0; i < Math.min(files.size(), Math.min(lines.size(), reasons.size())); i++) {
            problems.add(new JobProblem(files.get(i), lines.get(i), reasons.get(i)));
        }
        return new JobRecord(n.get("id").asString(), JobKind.valueOf(n.get("kind").asString()), text(n.get("owner")), p,
                JobState.valueOf(n.get("state").asString()), c, problems, text(n.get("summary")),
                instant(n.get("createdAt")), instant(n.get("startedAt")), instant(n.get("finishedAt")),
                instant(n.get("heartbeat")), text(n.get("runner")), n.get("cancelRequested").asBoolean(false),
                n.get("attempts").asInt(0));
    }

    private static Map<String, Object> counterProps(JobCounters c) {
        return Map.of("documentsTotal", c.documentsTotal(), "documentsRead", c.documentsRead(),
                "documentsWritten", c.documentsWritten(), "documentsUnchanged", c.documentsUnchanged(),
                "documentsFailed", c.documentsFailed(), "chunksSplit", c.chunksSplit(),
                "chunksEmbedded", c.chunksEmbedded(), "chunks", c.chunks(), "triples", c.triples(),
                "bytesRead", c.bytesRead());
    }

    private static Map<String, Object> problemParams(String id, String runner, JobCounters counters, List<JobProblem> problems) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("runner", runner);
        params.put("counters", counterProps(counters));
        problems = problems.subList(0, Math.min(problems.size(), JobRecord.MAX_PROBLEMS));
        params.put("files", problems.stream().map(JobProblem::file).toList());
        params.put("lines", problems.stream().map(JobProblem::line).toList());
        params.put("reasons", problems.stream().map(JobProblem::reason).toList());
        return params;
    }

    private static void putIfSet(Map<String, Object> props, String key, Object value) {
        if (value != null) {
            props.put(key, value);
        }
    }

    private static List<String> strings(Value v) {
        return v.isNull() ? List.of() : v.asList(Value::asString);
    }

    private static String text(Value v) {
        return v.isNull() ? null : v.asString();
    }

    private static Instant instant(Value v) {
        return v.isNull() ? null : Instant.ofEpochMilli(v.asLong());
    }
}
