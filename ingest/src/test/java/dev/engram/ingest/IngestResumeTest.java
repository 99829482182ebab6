package dev.engram.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.extraction.document.DocumentLoader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.neo4j.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

/**
 * An ingest killed midway (a child JVM halted without shutdown, mid-batch) and run again ends with exactly the
 * graph a single clean ingest gives: no duplicate documents, chunks, entities, relations or mentions.
 */
class IngestResumeTest {
    @TempDir Path dir;

    static DocumentSource jsonl(Path file) {
        return DocumentSource.files(new DocumentLoader(), List.of(file));
    }

    private Path corpus() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            sb.append(String.format("{\"id\": \"doc-%d\", \"title\": \"Person %d\", \"text\": \"Person %d was born in "
                    + "Springfield %d. Person %d directed the film Harbour %d. The film Harbour %d was produced by "
                    + "Studio %d.\"}%n", i, i, i, i % 7, i, i, i, i % 5));
        }
        Path file = dir.resolve("corpus.jsonl");
        Files.writeString(file, sb);
        return file;
    }

    private static Process child(Path dataDir, Path corpus, String... extra) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Xmx1g", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), KilledIngest.class.getName(), dataDir.toString(),
                corpus.toString()));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(new File(dataDir + ".log")).start();
    }

    private static Map<String, Long> counts(Path dataDir) {
        Map<String, Long> out = new LinkedHashMap<>();
        try (GraphStore store = GraphStore.open(StoreConfig.embedded(dataDir, 0)); Session s = store.session()) {
            for (String q : List.of(
                    "MATCH (d:Document) RETURN count(d)", "MATCH (d:Document) WHERE d.sha256 IS NOT NULL RETURN count(d)",
                    "MATCH (c:Chunk) RETURN count(c)", "MATCH (e:Entity) RETURN count(e)",
                    "MATCH ()-[r:RELATION]->() RETURN count(r)", "MATCH ()-[r:MENTIONS]->() RETURN count(r)",
                    "MATCH ()-[r:PART_OF]->() RETURN count(r)", "MATCH ()-[r:FIRST]->() RETURN count(r)",
                    "MATCH ()-[r:NEXT]->() RETURN count(r)",
                    "MATCH ()-[r:RELATION]->() UNWIND r.chunkIds AS c RETURN count(c)",
                    "MATCH (e:Entity) RETURN sum(e.chunkCount)")) {
                out.put(q, s.run(q).single().get(0).asLong());
            }
        }
        return out;
    }

    @Test
    void killedIngestRerunEqualsOneCleanIngest() throws Exception {
        Path corpus = corpus();
        Path clean = dir.resolve("clean");
        Process once = child(clean, corpus);
        assertThat(once.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(once.exitValue()).as("clean ingest, see " + clean + ".log").isZero();
        Map<String, Long> expected = counts(clean);
        assertThat(expected.get("MATCH (d:Document) RETURN count(d)")).isEqualTo(60);
        assertThat(expected.get("MATCH ()-[r:RELATION]->() RETURN count(r)")).isPositive();

        Path killed = dir.resolve("killed");
        // dies in the 3rd batch's knowledge stage: two batches are complete, the third has its chunks, entities,
        // relations and name mentions but no synonyms, no chunk counts and no completion mark
        Process dying = child(killed, corpus, "3");
        assertThat(dying.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(dying.exitValue()).as("the child must have been halted, see " + killed + ".log").isEqualTo(137);
        Map<String, Long> partial = counts(killed);
        assertThat(partial.get("MATCH (d:Document) WHERE d.sha256 IS NOT NULL RETURN count(d)")).isLessThan(60);

        Process rerun = child(killed, corpus);
        assertThat(rerun.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(rerun.exitValue()).isZero();
        assertThat(counts(killed)).isEqualTo(expected);
    }
}
