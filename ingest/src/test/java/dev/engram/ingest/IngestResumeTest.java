package dev.engram.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.extraction.document.DocumentLoader;
import dev.engram.ingest.jobs.JobService;
import dev.engram.store.jobs.JobKind;
import dev.engram.store.jobs.JobRecord;
import dev.engram.store.jobs.JobState;
import dev.engram.store.jobs.JobStore;
import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.neo4j.StoreConfig;
import dev.engram.store.schema.SchemaManager;
import dev.engram.store.search.AccessFilter;
import dev.engram.store.testing.HashEmbedder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

/**
 * Durable ingest jobs survive their process: a job killed with SIGKILL mid-batch (a child JVM, no shutdown hooks, no
 * clean Neo4j shutdown) reads as interrupted once its store is opened again, and resuming it ends with exactly the
 * graph a single clean ingest gives: the same count of every label and relationship type, the same relation
 * provenance, no duplicates. A cancelled job leaves a consistent graph (every document complete or absent), and
 * resuming it finishes the rest. Shards 0/2 and 1/2 run one after the other give the same graph as one run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestResumeTest {
    @TempDir static Path dir;
    private Path corpus;
    private Map<String, Object> clean;

    static DocumentSource jsonl(Path file) {
        return DocumentSource.files(new DocumentLoader(), List.of(file));
    }

    @BeforeAll
    void cleanSingleRun() throws Exception {
        corpus = PeopleCorpus.write(dir.resolve("corpus.jsonl"), 60, 7, 5);
        Path cleanDir = dir.resolve("clean");
        Process once = child(cleanDir);
        assertThat(once.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(once.exitValue()).as("clean ingest, see " + cleanDir + ".log").isZero();
        try (GraphStore store = open(cleanDir)) {
            clean = graph(store);
        }
        assertThat(clean.get("label Document")).isEqualTo(60L);
        assertThat((Long) clean.get("type RELATION")).isPositive();
    }

    private Process child(Path dataDir, String... extra) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), KilledIngest.class.getName(), dataDir.toString(),
                corpus.toString()));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(new File(dataDir + ".log")).start();
    }

    private static GraphStore open(Path dataDir) {
        return GraphStore.open(StoreConfig.embedded(dataDir, 0));
    }

    /** Count of every label and relationship type (jobs aside), completion marks, and every relation's provenance. */
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
                    WITH a.id + ' ' + r.predicate + ' ' + b.id + ' ' + apocless(r.chunkIds) AS line ORDER BY line
                    RETURN collect(line) AS lines""".replace("apocless(r.chunkIds)",
                    "reduce(s = '', c IN COLLECT { UNWIND r.chunkIds AS c RETURN c ORDER BY c } | s + c + ',')"))
                    .single().get(0).asList().hashCode());
        }
        return out;
    }

    @Test
    void aJobKilledMidBatchReadsInterruptedAndItsResumeEqualsOneCleanRun() throws Exception {
        Path killed = dir.resolve("killed");
        Path marker = dir.resolve("stalled-job");
        // stalls in the 3rd batch's knowledge stage: two batches are complete, the third has its chunks, entities,
        // relations and name mentions but no synonyms, no chunk counts and no completion mark
        Process dying = child(killed, "stall", "3", marker.toString());
        String id;
        try {
            // bounded only against a hung child; on a quiet machine it stalls within seconds
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (!Files.exists(marker) && dying.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(marker).as("the child must reach batch 3, see " + killed + ".log").exists();
            id = Files.readString(marker);
        } finally {
            dying.destroyForcibly(); // SIGKILL
        }
        assertThat(dying.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(dying.exitValue()).isEqualTo(137);

        try (GraphStore store = open(killed)) {
            JobRecord job = new JobStore(store).find(id).orElseThrow();
            assertThat(job.state()).isEqualTo(JobState.INTERRUPTED);
            assertThat(job.counters().documentsWritten()).isBetween(1L, 59L);
            assertThat(job.counters().chunksEmbedded()).isGreaterThanOrEqualTo(job.counters().chunks()).isPositive();
            assertThat(new JobStore(store).list(AccessFilter.ALL, 10)).extracting(JobRecord::id).containsExactly(id);
            assertThat((Long) graph(store).get("complete documents")).isLessThan(60);
        }

        Process resume = child(killed, "resume", id);
        assertThat(resume.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(resume.exitValue()).as("see " + killed + ".log").isZero();
        try (GraphStore store = open(killed)) {
            JobRecord job = new JobStore(store).find(id).orElseThrow();
            assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(job.attempts()).isEqualTo(2);
            assertThat(job.counters().documentsUnchanged()).as("the two complete batches are skipped").isEqualTo(20);
            assertThat(job.counters().documentsWritten()).isEqualTo(40);
            assertThat(graph(store)).isEqualTo(clean);
        }
    }

    @Test
    void aCancelledJobLeavesEveryDocumentCompleteOrAbsentAndResumingItFinishesTheRest() {
        Path data = dir.resolve("cancelled");
        try (GraphStore store = open(data); JobService jobs = new JobService(new JobStore(store), Duration.ofMillis(200))) {
            HashEmbedder embedder = new HashEmbedder();
            new SchemaManager(store).ensure(embedder);
            IngestPipeline pipeline = KilledIngest.pipeline(store, embedder, null);
            String id = jobs.submit(JobKind.FILES, null, KilledIngest.parameters(corpus)).id();
            JobRecord cancelled = jobs.run(id, (job, tracker) -> pipeline.run(tracker.stopping(jsonl(corpus)),
                    IngestListener.both(tracker, new IngestListener() {
                        @Override
                        public void documentDone(String documentId, int chunks, int triples, boolean unchanged) {
                            if (documentId.equals("doc-5")) {
                                jobs.cancel(id, AccessFilter.ALL);
                            }
                        }
                    })).summary());
            assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
            assertThat(cancelled.counters().documentsWritten()).isBetween(10L, 59L);
            Map<String, Object> partial = graph(store);
            assertThat(partial.get("complete documents")).as("no half-written document").isEqualTo(partial.get("label Document"));
            assertThat((Long) partial.get("label Document")).isEqualTo(cancelled.counters().documentsWritten());
            try (Session s = store.session()) {
                assertThat(s.run("MATCH (c:Chunk) WHERE NOT (c)-[:PART_OF]->(:Document) RETURN count(c)").single().get(0).asLong()).isZero();
                assertThat(s.run("MATCH (e:Entity) WHERE e.chunkCount <> COUNT { (e)<-[:MENTIONS]-() } RETURN count(e)")
                        .single().get(0).asLong()).isZero();
                assertThat(s.run("MATCH ()-[r:RELATION]->() UNWIND r.chunkIds AS c WITH c WHERE NOT EXISTS { (:Chunk {id: c}) } "
                        + "RETURN count(c)").single().get(0).asLong()).as("provenance names only chunks that exist").isZero();
            }

            JobRecord resumed = jobs.run(id, (job, tracker) -> pipeline.run(tracker.stopping(jsonl(corpus)), tracker).summary());
            assertThat(resumed.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(resumed.counters().documentsUnchanged()).isEqualTo(cancelled.counters().documentsWritten());
            assertThat(graph(store)).isEqualTo(clean);
        }
    }

    @Test
    void twoShardsRunOneAfterTheOtherEqualOneRun() {
        try (GraphStore store = open(dir.resolve("sharded"))) {
            HashEmbedder embedder = new HashEmbedder();
            new SchemaManager(store).ensure(embedder);
            IngestPipeline pipeline = KilledIngest.pipeline(store, embedder, null);
            IngestReport first = pipeline.run(Shard.parse("0/2").of(jsonl(corpus)), IngestListener.NONE);
            IngestReport second = pipeline.run(Shard.parse("1/2").of(jsonl(corpus)), IngestListener.NONE);
            assertThat(first.documentsWritten()).isBetween(15L, 45L);
            assertThat(first.documentsWritten() + second.documentsWritten()).as("disjoint and complete").isEqualTo(60);
            assertThat(second.documentsUnchanged()).isZero();
            assertThat(graph(store)).isEqualTo(clean);
        }
    }
}
