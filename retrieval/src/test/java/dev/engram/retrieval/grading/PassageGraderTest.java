package dev.engram.retrieval.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PassageGraderTest {
    private static final QuestionTerms TERMS = QuestionTerms.of("Who founded Zorblax Corporation in Lisbon?",
            List.of("Zorblax Corporation", "Lisbon", "who"));

    @Test
    void namesAndWordsAreCountedInTitleAndText() {
        RelevanceSignals s = RelevanceSignals.of(TERMS, "Zorblax Corporation", "It was founded by Mira Tanaka.",
                0.8, 0.9, 1, 0.5, 1.0);
        // both words of "Zorblax Corporation" are there, "Lisbon" is not
        assertThat(s.names()).isEqualTo(0.5);
        assertThat(s.hasNames()).isEqualTo(1);
        // founded, zorblax, corporation of founded, zorblax, corporation, lisbon
        assertThat(s.lexical()).isEqualTo(0.75);
        assertThat(s.cosGap()).isCloseTo(-0.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.rank()).isEqualTo(0.5);
        assertThat(s.scoreShare()).isEqualTo(0.5);
        assertThat(QuestionTerms.of("who is it?", List.of("who")).names()).isEmpty();
    }

    @Test
    void aPassageOnTheQuestionsNamesIsRelevantAnUnrelatedOneIsNot() {
        PassageGrader grader = PassageGrader.DEFAULTS;
        RelevanceSignals onTopic = RelevanceSignals.of(TERMS, "Zorblax Corporation",
                "Zorblax Corporation was founded in Lisbon by Mira Tanaka.", 0.85, 0.85, 0, 1, 1);
        RelevanceSignals offTopic = RelevanceSignals.of(TERMS, "Tagus", "The Tagus is a long river in Iberia.",
                0.45, 0.85, 4, 0.1, 1);
        assertThat(grader.score(onTopic)).isGreaterThan(grader.score(offTopic));
        PassageGrader.Graded graded = grader.grade(List.of("c1", "c2"), List.of("d1", "d2"), List.of(onTopic, offTopic));
        assertThat(graded.grades()).extracting(PassageGrade::grade).containsExactly(Grade.RELEVANT, Grade.IRRELEVANT);
        assertThat(graded.coverage().covered()).isTrue();

        PassageGrader.Graded nothing = grader.grade(List.of("c2"), List.of("d2"), List.of(offTopic));
        assertThat(nothing.coverage().covered()).isFalse();
        assertThat(nothing.coverage().note()).contains("does not seem to hold the answer");
    }

    @Test
    void thresholdsMustBeOrdered() {
        assertThatThrownBy(() -> new PassageGrader(0, new double[7], 0.2, 0.5))
                .hasMessageContaining("irrelevant <= relevant");
        assertThatThrownBy(() -> new PassageGrader(0, new double[3], 0.5, 0.2)).hasMessageContaining("7 weights");
    }
}
