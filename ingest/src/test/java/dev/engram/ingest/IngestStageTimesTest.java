package dev.engram.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.store.testing.StoreTestBase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ingest says where its time went, stage by stage, and what it embedded: every chunk, and each new entity name and
 * each new fact exactly once (so the embedding-only yardstick counts what the graph holds), nothing on a re-run.
 */
class IngestStageTimesTest extends StoreTestBase {
    @TempDir Path dir;

    @Test
    void theReportNamesEveryStageAndCountsEachNewNameAndFactOnce() throws Exception {
        // shared entities across documents and batches: Springfield 0..4, Studio 0..2
        Path corpus = PeopleCorpus.write(dir.resolve("corpus.jsonl"), 30, 5, 3);
        IngestPipeline pipeline = KilledIngest.pipeline(store, embedder, null);

        IngestReport report = pipeline.run(IngestResumeTest.jsonl(corpus), IngestListener.NONE);

        assertThat(report.documentsWritten()).isEqualTo(30);
        assertThat(report.embedded().chunks()).isEqualTo(report.chunks()).isEqualTo(count("MATCH (c:Chunk) RETURN count(c)"));
        assertThat(report.embedded().names()).as("each entity embedded once, in whichever batch met it first")
                .isEqualTo(count("MATCH (e:Entity) RETURN count(e)")).isPositive();
        assertThat(report.embedded().facts()).as("each fact embedded once")
                .isEqualTo(count("MATCH ()-[r:RELATION]->() RETURN count(r)")).isPositive();
        assertThat(embedder.embeddedTexts()).hasSize((int) (report.embedded().chunks() + report.embedded().names()
                + report.embedded().facts()));
        Map<StageTimes.Stage, Duration> stages = report.stages();
        assertThat(stages).containsOnlyKeys(StageTimes.Stage.values());
        for (StageTimes.Stage s : new StageTimes.Stage[] {StageTimes.Stage.CHUNK_EMBEDDING, StageTimes.Stage.EXTRACTION,
                StageTimes.Stage.LEXICAL_WRITES, StageTimes.Stage.KNOWLEDGE_WRITES, StageTimes.Stage.NAME_MENTIONS,
                StageTimes.Stage.SYNONYMS, StageTimes.Stage.COMPLETION}) {
            assertThat(stages.get(s)).as(s.label()).isPositive();
        }
        Duration writer = stages.entrySet().stream().filter(e -> e.getKey().onWriterThread())
                .map(Map.Entry::getValue).reduce(Duration.ZERO, Duration::plus);
        assertThat(writer).as("the writer thread's stages are parts of its time")
                .isLessThanOrEqualTo(report.extraction().plus(report.writing()).plusMillis(1));
        assertThat(report.summary()).contains("new entity names", "name mentions", "synonyms", "waiting for the writer");

        embedder.reset();
        IngestReport again = pipeline.run(IngestResumeTest.jsonl(corpus), IngestListener.NONE);
        assertThat(again.documentsUnchanged()).isEqualTo(30);
        assertThat(again.embedded()).isEqualTo(new IngestReport.Embedded(0, 0, 0));
        assertThat(embedder.embeddedTexts()).as("nothing known is embedded again").isEmpty();
    }
}
