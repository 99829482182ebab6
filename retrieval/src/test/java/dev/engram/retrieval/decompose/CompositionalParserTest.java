package dev.engram.retrieval.decompose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.extraction.query.QueryEntityExtractor;
import org.junit.jupiter.api.Test;

class CompositionalParserTest {
    private static final CompositionalParser PARSER =
            new CompositionalParser(new QueryEntityExtractor()::extract, RelationalNouns.load());

    @Test
    void aRelationalNounBeforeANameIsAHop() {
        Plan plan = PARSER.parse("When was the director of Black Hawk Down born?");
        assertThat(plan.kind()).isEqualTo("compositional");
        assertThat(plan.steps()).containsExactly(
                new Plan.Step("the director of Black Hawk Down", "director", "Black Hawk Down"),
                Plan.Step.of("When was #1 born?"));
        assertThat(plan.answerNeeded(0)).isTrue();
    }

    @Test
    void nestedHopsChainInnermostFirst() {
        assertThat(PARSER.parse("Who is the spouse of the author of Brand?").steps()).containsExactly(
                new Plan.Step("the author of Brand", "author", "Brand"),
                new Plan.Step("the spouse of #1", "spouse", "#1"),
                Plan.Step.of("Who is #2?"));
    }

    @Test
    void aComparisonOfTwoHopsKeepsBoth() {
        assertThat(PARSER.parse("Who was born first, the director of Jaws or the director of Alien?").steps())
                .containsExactly(new Plan.Step("the director of Jaws", "director", "Jaws"),
                        new Plan.Step("the director of Alien", "director", "Alien"),
                        Plan.Step.of("Who was born first, #1 or #2?"));
    }

    @Test
    void titlesTheTaggerCutsAreTakenWhole() {
        assertThat(PARSER.parse("Who did the producer of Songs I Wrote with Amy write the song for?").steps()
                .getFirst().argument()).isEqualTo("Songs I Wrote with Amy");
        assertThat(PARSER.parse("Where was the director of The Girl Who Kicked the Hornets' Nest born?").steps()
                .getFirst().argument()).isEqualTo("The Girl Who Kicked the Hornets' Nest");
    }

    @Test
    void otherShapesStayWhole() {
        assertThat(PARSER.parse("What is the population of the city of Paris?").split()).isFalse();
        assertThat(PARSER.parse("Who is the spouse of Big Eye's main director?").split()).isFalse();
        assertThat(PARSER.parse("Who directed Black Hawk Down?").split()).isFalse();
    }

    @Test
    void answersFillTheirReferences() {
        assertThat(Plan.fill("When was #1 born?", java.util.List.of("Ridley Scott"))).isEqualTo("When was Ridley Scott born?");
        assertThat(Plan.fill("When was #2 born?", java.util.List.of("Ridley Scott"))).isNull();
    }
}
