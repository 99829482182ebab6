package dev.engram.retrieval.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.retrieval.Mode;
import dev.engram.retrieval.RankedPassage;
import dev.engram.retrieval.RetrievalResult;
import dev.engram.retrieval.Retriever;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    // answers by the question text: "q1" finds both gold documents and spends 4 ms in PPR; "q2" finds one and
    // skips PPR, as a graph retriever does when nothing links
    private static final Retriever FIXED = request -> request.question().equals("q1")
            ? new RetrievalResult(List.of(passage("d1#0", "d1"), passage("d1#1", "d1"), passage("d2#0", "d2")),
                    List.of(), List.of(), Map.of("embed", 2.0, "ppr", 4.0))
            : new RetrievalResult(List.of(passage("d9#0", "d9"), passage("d3#0", "d3")),
                    List.of(), List.of(), Map.of("embed", 6.0));

    @Test
    void scoresDocumentsByTheirBestChunkAndTracesEveryQuestion() {
        List<EvalQuestion> questions = List.of(
                new EvalQuestion("a", "q1", List.of(), List.of("d1", "d2"), null),
                new EvalQuestion("b", "q2", List.of(), List.of("d3", "d4"), null));
        List<QuestionOutcome> traced = new ArrayList<>();

        EvalReport report = new Evaluator(mode -> FIXED, List.of(1, 2)).run("set", questions, List.of(Mode.GRAPHRAG),
                null, traced::add);

        ModeReport r = report.modes().get("graphrag");
        // chunks d1#0 and d1#1 are one document, so d2 is second
        assertThat(r.metrics().get("recall@2")).isEqualTo((1.0 + 0.5) / 2);
        assertThat(r.metrics().get("all-evidence@2")).isEqualTo(0.5);
        assertThat(r.metrics().get("recall@1")).isEqualTo((0.5 + 0.0) / 2);
        // "ppr" was timed for one question only: its median is that question's, not pulled down by a zero
        assertThat(r.stageP50Millis()).containsEntry("ppr", 4.0).containsKeys("embed");
        assertThat(traced).extracting(QuestionOutcome::documents)
                .containsExactly(List.of("d1", "d2"), List.of("d9", "d3"));
    }

    private static RankedPassage passage(String chunk, String document) {
        return new RankedPassage(chunk, document, document, "text", 1.0);
    }
}
