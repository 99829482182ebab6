package dev.engram.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.store.jobs.JobRecord;
import dev.engram.store.jobs.JobState;
import dev.engram.store.jobs.JobStore;
import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.neo4j.Neo4jServerProcess;
import dev.engram.store.neo4j.StoreConfig;
import dev.engram.store.search.AccessFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

/**
 * {@code engram ingest --workers 2} against a Neo4j server in another process (embedded Neo4j in its own JVM with
 * Bolt): two worker JVMs write a corpus full of shared entities concurrently (one document a batch, so their
 * merges interleave), and the graph equals a single-process {@code --synonyms at-end} ingest of the same corpus into an embedded store
 * followed by {@code engram synonyms --rebuild}: the same count of every label and relationship type, the same
 * relation provenance, the same SYNONYM edges with the same scores — at the default embed batch, where a name's
 * vector would depend on which names shared its ONNX run if workers embedded them (they leave names, name mentions
 * and synonyms to the parent, which makes them in id order, as one process does at the end of its run). A worker
 * killed with SIGKILL fails the parent job with a message naming its job; that job reads interrupted, resumes, and
 * with one rebuild (which does what the parent would have done) the graph equals the reference again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class WorkersIngestTest {
    @TempDir static Path dir;
    private Neo4jServerProcess.Child server;
    private Path corpus;
    private Map<String, Object> reference;

    @BeforeAll
    void serverCorpusAndReference() throws Exception {
        server = Neo4jServerProcess.launch(dir.resolve("server"), dir.resolve("server.log"), null);
        // 40 documents over 8 people, 4 studios and 3 towns: every shard writes the same entities and relations
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add(String.format("{\"id\": \"doc-%d\", \"title\": \"Harbour %d\", \"text\": \"Harbour %d is a film "
                    + "directed by Person %d. Harbour %d was produced by Studio %d. Person %d was born in Springfield "
                    + "%d.\"}", i, i, i, i % 8, i, i % 4, i % 8, i % 3));
        }
        corpus = dir.resolve("corpus.jsonl");
        Files.write(corpus, lines);
        Printed single = Printed.engram("ingest", "--data-dir", dir.resolve("single").toString(), "--extractor", "rule",
                "--synonyms", "at-end", "--batch", "1", corpus.toString());
        assertThat(single.exit()).as(single.err()).isZero();
        Printed rebuild = Printed.engram("synonyms", "--rebuild", "--data-dir", dir.resolve("single").toString());
        assertThat(rebuild.exit()).as(rebuild.err()).isZero();
        assertThat(rebuild.out()).contains("synonyms rebuilt:");
        try (GraphStore store = GraphStore.open(StoreConfig.embedded(dir.resolve("single"), 0))) {
            reference = graph(store);
        }
        assertThat(reference.get("label Document")).isEqualTo(40L);
        assertThat((Long) reference.get("type RELATION")).isPositive();
        assertThat((Long) reference.get("type SYNONYM")).isPositive();
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void twoWorkersWritingConcurrentlyIntoOneServerEqualOneProcess() throws Exception {
        clear();
        Printed two = Printed.engram("ingest", "--workers", "2", "--neo4j-uri", server.boltUri(), "--extractor", "rule",
                "--batch", "1", corpus.toString());
        assertThat(two.exit()).as(two.err() + two.out()).isZero();
        assertThat(two.out()).contains("2 workers: 40 documents written").contains("synonyms rebuilt:");
        assertThat(two.err()).contains("2 worker processes");
        try (GraphStore store = remote()) {
            assertThat(graph(store)).isEqualTo(reference);
            // one parent job with the children's counts, and one job per shard
            List<JobRecord> jobs = new JobStore(store).list(AccessFilter.ALL, 10);
            assertThat(jobs).hasSize(3).allSatisfy(j -> assertThat(j.state()).isEqualTo(JobState.SUCCEEDED));
            JobRecord parent = jobs.stream().filter(j -> j.parameters().shard() == null).findFirst().orElseThrow();
            assertThat(parent.counters().documentsWritten()).isEqualTo(40);
            assertThat(parent.summary()).contains("2 workers");
            assertThat(jobs.stream().map(j -> j.parameters().shard()).filter(s -> s != null).sorted().toList())
                    .containsExactly("0/2", "1/2");
            assertThat(jobs.stream().filter(j -> j.parameters().shard() != null)
                    .mapToLong(j -> j.counters().documentsWritten()).sum()).isEqualTo(40);
        }
    }

    @Test
    void aKilledWorkerFailsTheParentNamingItsJobWhichResumes() throws Exception {
        clear();
        AtomicReference<String> killed = new AtomicReference<>();
        Printed parentRun = Printed.by(() -> {
            CompletableFuture<Integer> parent = CompletableFuture.supplyAsync(() -> Commands.commandLine(Map.of()).execute(
                    "ingest", "--workers", "2", "--neo4j-uri", server.boltUri(), "--extractor", "rule",
                    "--batch", "1", corpus.toString()));
            // wait for worker 0/2 to have written a document, then SIGKILL it: its job names its process
            // (host/pid/start), which must be a child of this JVM
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            try (GraphStore store = remote()) {
                while (killed.get() == null && System.nanoTime() < deadline && !parent.isDone()) {
                    Thread.sleep(50);
                    Optional<JobRecord> job = new JobStore(store).list(AccessFilter.ALL, 10).stream()
                            .filter(j -> "0/2".equals(j.parameters().shard())).findFirst();
                    if (job.isPresent() && job.get().counters().documentsWritten() >= 1) {
                        long pid = Long.parseLong(job.get().runner().split("/")[1]);
                        ProcessHandle worker = ProcessHandle.current().children().filter(p -> p.pid() == pid)
                                .findFirst().orElseThrow(() -> new AssertionError("worker " + pid + " is no child of this JVM"));
                        worker.destroyForcibly();
                        worker.onExit().get(1, TimeUnit.MINUTES);
                        killed.set(job.get().id());
                    }
                }
            }
            assertThat(killed.get()).as("worker 0/2 must be caught mid-way").isNotNull();
            return parent.get(5, TimeUnit.MINUTES);
        });
        String killedJob = killed.get();
        String said = parentRun.out() + parentRun.err();
        assertThat(parentRun.exit()).as(said).isOne();
        assertThat(said).contains("worker 0/2").contains("exited with status 137")
                .contains("its job " + killedJob + " is interrupted").contains("engram jobs resume " + killedJob);
        try (GraphStore store = remote()) {
            JobRecord job = new JobStore(store).find(killedJob).orElseThrow();
            assertThat(job.state()).isEqualTo(JobState.INTERRUPTED);
            assertThat((Long) graph(store).get("complete documents")).isLessThan(40);
        }

        Printed resume = Printed.engram("jobs", "resume", killedJob, "--neo4j-uri", server.boltUri(),
                "--batch", "1");
        assertThat(resume.exit()).as(resume.err()).isZero();
        Printed rebuild = Printed.engram("synonyms", "--rebuild", "--neo4j-uri", server.boltUri());
        assertThat(rebuild.exit()).as(rebuild.err()).isZero();
        try (GraphStore store = remote()) {
            assertThat(new JobStore(store).find(killedJob).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(graph(store)).isEqualTo(reference);
        }
    }

    private GraphStore remote() {
        return GraphStore.open(StoreConfig.remote(server.boltUri(), null, null, null));
    }

    // the server's database emptied between tests (its schema stays)
    private void clear() {
        try (GraphStore store = remote(); Session s = store.session()) {
            s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS").consume();
        }
    }

    /**
     * Count of every label and relationship type (jobs aside), completion marks, chunk counts, every relation with
     * its provenance, and every SYNONYM edge with its score.
     */
    static Map<String, Object> graph(GraphStore store) {
        Map<String, Object> out = new LinkedHashMap<>();
        try (Session s = store.session()) {
            s.run("MATCH (n) WHERE NOT n:IngestJob UNWIND labels(n) AS l RETURN l, count(*) AS n ORDER BY l")
                    .forEachRemaining(r -> out.put("label " + r.get("l").asString(), r.get("n").asLong()));
            s.run("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n ORDER BY t")
                    .forEachRemaining(r -> out.put("type " + r.get("t").asString(), r.get("n").asLong()));
            out.put("complete documents", s.run("MATCH (d:Document) WHERE d.sha256 IS NOT NULL RETURN count(d)").single().get(0).asLong());
            out.put("entity chunk counts", s.run("MATCH (e:Entity) RETURN sum(e.chunkCount)").single().get(0).asLong());
            out.put("relation provenance", s.run("""
                    MATCH (a:Entity)-[r:RELATION]->(b:Entity)
                    WITH a.id + ' ' + r.predicate + ' ' + b.id + ' '
                         + reduce(t = '', c IN COLLECT { UNWIND r.chunkIds AS c RETURN c ORDER BY c } | t + c + ',') AS line
                    ORDER BY line RETURN collect(line) AS lines""").single().get(0).asList());
            TreeSet<String> synonyms = new TreeSet<>();
            s.run("MATCH (x:Entity)-[y:SYNONYM]->(z:Entity) RETURN x.id AS x, z.id AS z, y.score AS score")
                    .forEachRemaining(r -> synonyms.add(String.format("%s -> %s %.5f", r.get("x").asString(),
                            r.get("z").asString(), r.get("score").asDouble())));
            out.put("synonyms", synonyms);
        }
        return out;
    }
}
