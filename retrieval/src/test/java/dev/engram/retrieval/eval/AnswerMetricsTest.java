package dev.engram.retrieval.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerMetricsTest {

    @Test
    void normalizesLikeTheOfficialScripts() {
        assertThat(AnswerMetrics.normalize("  The Eiffel-Tower, in Paris!  ")).isEqualTo("eiffeltower in paris");
        assertThat(AnswerMetrics.normalize("A cat and an owl, then THE end")).isEqualTo("cat and owl then end");
        // Articles only as whole words; non-ASCII punctuation is kept, as in Python's string.punctuation.
        assertThat(AnswerMetrics.normalize("Theatre anthem — Café")).isEqualTo("theatre anthem — café");
        assertThat(AnswerMetrics.normalize(null)).isEmpty();
    }

    @Test
    void exactMatchComparesNormalizedAnswers() {
        assertThat(AnswerMetrics.exactMatch("the Eiffel Tower.", "Eiffel tower")).isEqualTo(1.0);
        assertThat(AnswerMetrics.exactMatch("Eiffel Tower in Paris", "Eiffel Tower")).isZero();
        assertThat(AnswerMetrics.exactMatch("1999", List.of("1998", "in 1999", "1999"))).isEqualTo(1.0);
        assertThat(AnswerMetrics.exactMatch("1999", List.of())).isZero();
        assertThat(AnswerMetrics.exactMatch(null, "1999")).isZero();
    }

    @Test
    void f1IsTheHarmonicMeanOfTokenPrecisionAndRecall() {
        // Prediction "paris france" vs gold "paris": P = 1/2, R = 1, F1 = 2/3.
        assertThat(AnswerMetrics.f1("Paris, France", "Paris")).isCloseTo(2.0 / 3, within(1e-12));
        // Tokens are counted with multiplicity: common {y, y}, P = R = 2/3.
        assertThat(AnswerMetrics.f1("x y y", "y y z")).isCloseTo(2.0 / 3, within(1e-12));
        // A repeated token matches only as often as the gold has it: common {y}, P = 1/3, R = 1/2, F1 = 0.4.
        assertThat(AnswerMetrics.f1("y y y", "y z")).isCloseTo(0.4, within(1e-12));
        // P = 2/4 (ridley, scott of ridley scott british director), R = 2/2: F1 = 2/3.
        assertThat(AnswerMetrics.f1("Ridley Scott, a British director", "Ridley Scott")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(AnswerMetrics.f1("London", "Paris")).isZero();
        assertThat(AnswerMetrics.f1("The Eiffel Tower", "eiffel tower!")).isEqualTo(1.0);
    }

    @Test
    void f1TakesTheBestGoldAnswer() {
        assertThat(AnswerMetrics.f1("Ridley Scott", List.of("Tony Scott", "Sir Ridley Scott", "Scott")))
                .isCloseTo(0.8, within(1e-12));
        assertThat(AnswerMetrics.f1("anything", List.of())).isZero();
    }

    @Test
    void f1OfYesNoAnswersNeedsAnExactMatchAsInHotpotQa() {
        assertThat(AnswerMetrics.f1("yes", "no")).isZero();
        // Token overlap would give 0.5; HotpotQA gives nothing.
        assertThat(AnswerMetrics.f1("yes it is", "yes")).isZero();
        assertThat(AnswerMetrics.f1("Yes.", "yes")).isEqualTo(1.0);
    }

    @Test
    void f1OfEmptyAnswersIsWhetherBothAreEmpty() {
        assertThat(AnswerMetrics.f1("the", "a")).isEqualTo(1.0);
        assertThat(AnswerMetrics.f1("", "Paris")).isZero();
        assertThat(AnswerMetrics.f1(null, "Paris")).isZero();
    }
}
