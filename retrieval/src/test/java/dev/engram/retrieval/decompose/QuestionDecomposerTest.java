package dev.engram.retrieval.decompose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.extraction.query.QueryEntityExtractor;
import dev.engram.retrieval.RankedPassage;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionDecomposerTest {
    private static final QuestionDecomposer DECOMPOSER = new QuestionDecomposer(new QueryEntityExtractor()::extract);

    @Test
    void comparisonsSplitIntoOneQuestionPerName() {
        SubQuestions or = DECOMPOSER.split("Which band was formed first, Hole or The Cure?");
        assertThat(or.kind()).isEqualTo("comparison");
        assertThat(or.parts()).hasSize(2);
        assertThat(or.parts().get(0)).contains("Hole").doesNotContain("Cure");
        assertThat(or.parts().get(1)).contains("Cure").doesNotContain("Hole");

        SubQuestions both = DECOMPOSER.split("Are Ed Wood and Scott Derrickson both American directors?");
        assertThat(both.split()).isTrue();
        assertThat(both.parts().get(0)).contains("Ed Wood").doesNotContain("Derrickson");
    }

    @Test
    void otherQuestionsStayWhole() {
        assertThat(DECOMPOSER.split("Who directed the film that Tom Hanks and Meg Ryan starred in?").split()).isFalse();
        assertThat(DECOMPOSER.split("Who is the spouse of the director of Black Hawk Down?").split()).isFalse();
    }

    @Test
    void mergingKeepsEveryPartRepresented() {
        List<RankedPassage> a = List.of(p("a1", 0.9), p("a2", 0.5));
        List<RankedPassage> b = List.of(p("b1", 0.2), p("a1", 0.1));
        List<RankedPassage> whole = List.of(p("a1", 3), p("w1", 2));
        assertThat(DecomposingRetriever.merge(List.of(a, b, whole), 4)).extracting(RankedPassage::chunkId)
                .containsExactly("a1", "b1", "a2", "w1");
    }

    private static RankedPassage p(String id, double score) {
        return new RankedPassage(id, id, id, "text", score);
    }
}
