package dev.engram.retrieval.grading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.retrieval.Mode;
import dev.engram.retrieval.RankedPassage;
import dev.engram.retrieval.RetrievalRequest;
import dev.engram.retrieval.RetrievalResult;
import dev.engram.retrieval.Retriever;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CorrectiveRetrieverTest {
    private static final RetrievalRequest REQUEST = new RetrievalRequest("q", Mode.GRAPHRAG, 1, null);

    @Test
    void aResultWithoutRelevantPassagesIsRetriedAndTheBestEvidenceKept() {
        AtomicInteger wider = new AtomicInteger();
        CorrectiveRetriever corrective = new CorrectiveRetriever(result("first", 0.2, Grade.WEAK), List.of(
                new CorrectiveRetriever.Attempt("dense", result("dense", 0.6, Grade.RELEVANT)),
                new CorrectiveRetriever.Attempt("wider seeds", r -> {
                    wider.incrementAndGet();
                    return result("wider", 0.9, Grade.RELEVANT).retrieve(r);
                })));
        RetrievalResult out = corrective.retrieve(REQUEST);
        assertThat(out.passages().getFirst().chunkId()).isEqualTo("dense");
        assertThat(out.coverage().covered()).isTrue();
        assertThat(wider).as("stops at the first attempt that finds a relevant passage").hasValue(0);
        assertThat(out.notes()).singleElement().asString()
                .contains("no relevant passage (best 0.20)", "dense: best 0.60", "kept dense");
    }

    @Test
    void aCoveredResultIsLeftAlone() {
        AtomicInteger retried = new AtomicInteger();
        CorrectiveRetriever corrective = new CorrectiveRetriever(result("first", 0.7, Grade.RELEVANT),
                List.of(new CorrectiveRetriever.Attempt("dense", r -> {
                    retried.incrementAndGet();
                    return RetrievalResult.of(List.of());
                })));
        assertThat(corrective.retrieve(REQUEST).notes()).isEmpty();
        assertThat(retried).hasValue(0);
    }

    private static Retriever result(String chunk, double score, Grade grade) {
        return request -> new RetrievalResult(List.of(new RankedPassage(chunk, chunk, chunk, "text", 1)), List.of(),
                List.of(), Map.of("total", 1.0)).withGrading(
                List.of(new PassageGrade(chunk, chunk, grade, score, Map.of())),
                grade == Grade.RELEVANT ? Coverage.COVERED : Coverage.NONE);
    }
}
