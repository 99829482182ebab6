package dev.engram.extraction.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the real quantized bge-small-en-v1.5 model from the classpath. */
class OnnxBgeEmbedderTest {

    private static final String BLACK_HAWK = "Black Hawk Down is a 2001 war film directed by Ridley Scott, based on"
            + " Mark Bowden's book about the 1993 Battle of Mogadishu.";
    private static final String UNRELATED = "The common kingfisher is a small bird with blue and orange plumage"
            + " that feeds on fish in rivers and lakes across Europe and Asia.";
    private static final String COOKING = "To make a classic risotto, toast arborio rice in butter, then add hot"
            + " stock one ladle at a time while stirring.";

    private static OnnxBgeEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = OnnxBgeEmbedder.create(OnnxBgeEmbedder.Config.defaults().withParallelism(2));
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void describesItself() {
        assertThat(embedder.dimensions()).isEqualTo(384);
        assertThat(embedder.modelName()).isEqualTo("bge-small-en-v1.5-q");
    }

    @Test
    void queryIsClosestToTheRelevantPassage() {
        float[] q = embedder.embedQuery("Who directed Black Hawk Down?");
        List<float[]> passages = embedder.embedPassages(List.of(UNRELATED, BLACK_HAWK, COOKING));
        double relevant = dot(q, passages.get(1));
        assertThat(relevant).isGreaterThan(dot(q, passages.get(0)) + 0.1);
        assertThat(relevant).isGreaterThan(dot(q, passages.get(2)) + 0.1);
    }

    @Test
    void vectorsAreUnitLengthAnd384Dimensional() {
        List<float[]> vs = embedder.embedPassages(List.of(BLACK_HAWK, "x", "", "日本語のテキスト 😀"));
        vs.add(embedder.embedQuery("anything"));
        for (float[] v : vs) {
            assertThat(v).hasSize(384);
            assertThat(Math.sqrt(dot(v, v))).isCloseTo(1.0, within(1e-4));
        }
    }

    @Test
    void batchResultEqualsSingleResultInInputOrder() {
        // Lengths vary so that sorting reorders the texts and batches (size 4) pad differently.
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            texts.add(i % 3 == 0 ? BLACK_HAWK + " Text " + i + "." : (i % 3 == 1 ? "short " + i : UNRELATED + " " + COOKING + " " + i));
        }
        List<float[]> batch = embedder.embedPassages(texts);
        assertThat(batch).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            float[] single = embedder.embedPassages(List.of(texts.get(i))).get(0);
            float[] inBatch = batch.get(i);
            for (int d = 0; d < single.length; d++) {
                assertThat(inBatch[d]).as("text %d dim %d", i, d).isCloseTo(single[d], within(1e-4f));
            }
        }
    }

    @Test
    void largerBatchesAgreeClosely() {
        // The export quantizes activations per batch tensor, so batch > 1 is close to, not equal to, batch 1.
        List<String> texts = List.of(BLACK_HAWK, "short", UNRELATED + " " + COOKING, COOKING, "Who?");
        List<float[]> single = embedder.embedPassages(texts);
        try (OnnxBgeEmbedder batched = OnnxBgeEmbedder.create(
                OnnxBgeEmbedder.Config.defaults().withBatchSize(4).withIntraOpThreads(2).withParallelism(1))) {
            List<float[]> inBatches = batched.embedPassages(texts);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(dot(single.get(i), inBatches.get(i))).as("text %d", i).isGreaterThan(0.99);
            }
        }
    }

    @Test
    void queriesGetTheInstructionPassagesDoNot() {
        String q = "Who directed Black Hawk Down?";
        float[] asQuery = embedder.embedQuery(q);
        float[] asPassage = embedder.embedPassages(List.of(q)).get(0);
        float[] prefixed = embedder.embedPassages(List.of(OnnxBgeEmbedder.QUERY_INSTRUCTION + q)).get(0);
        assertThat(dot(asQuery, prefixed)).isCloseTo(1.0, within(1e-4));
        assertThat(dot(asQuery, asPassage)).isLessThan(0.999);
        assertThat(embedder.embedQueries(List.of(q)).get(0)).containsExactly(asQuery, within(1e-5f));
    }

    @Test
    void longTextIsTruncatedNotRejected() {
        String longText = (BLACK_HAWK + " ").repeat(60); // ~1800 tokens
        assertThat(embedder.tokenizer().countTokens(longText)).isGreaterThan(1000);
        float[] v = embedder.embedPassages(List.of(longText)).get(0);
        assertThat(Math.sqrt(dot(v, v))).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void emptyInputGivesEmptyOutput() {
        assertThat(embedder.embedPassages(List.of())).isEmpty();
    }

    @Test
    void concurrentCallsAgree() throws Exception {
        float[] expected = embedder.embedPassages(List.of(BLACK_HAWK)).get(0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> embedder.embedPassages(List.of(UNRELATED, BLACK_HAWK)).get(1)));
            }
            for (Future<float[]> f : futures) {
                assertThat(f.get()).containsExactly(expected, within(1e-4f));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closedEmbedderRefusesWork() {
        OnnxBgeEmbedder other = OnnxBgeEmbedder.create(OnnxBgeEmbedder.Config.defaults().withIntraOpThreads(1));
        other.close();
        other.close(); // idempotent
        assertThatThrownBy(() -> other.embedQuery("x")).isInstanceOf(IllegalStateException.class);
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
