package dev.engram.extraction.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueryEntityExtractorTest {

    private static final QueryEntityExtractor EXTRACTOR = new QueryEntityExtractor();

    @Test
    void possessiveNameWithOddCapitalisation() {
        assertThat(EXTRACTOR.extract("When did Lothair Ii's mother die?")).contains("Lothair Ii")
                .doesNotContain("When", "Lothair Ii's");
    }

    @Test
    void bothTitlesOfAComparison() {
        assertThat(EXTRACTOR.extract("Which film was released first, Aas Ka Panchhi or Phoolwari?"))
                .contains("Aas Ka Panchhi", "Phoolwari")
                .doesNotContain("film", "Which");
    }

    /** Questions from the benchmarks, each with mentions it must give (among others). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("questionsAndTheirMentions")
    void findsTheNamedMentions(String kind, String question, List<String> mentions) {
        assertThat(EXTRACTOR.extract(question)).containsAll(mentions);
    }

    static Stream<Arguments> questionsAndTheirMentions() {
        return Stream.of(
                arguments("multi-word title from MuSiQue", "Who was the first president of the association which "
                        + "published Journal of Psychotherapy Integration?",
                        List.of("Journal of Psychotherapy Integration")),
                arguments("place with its state from MuSiQue", "What county shares a border with the county in which "
                        + "Johnnycake, West Virginia is located?", List.of("Johnnycake", "West Virginia")),
                arguments("coordinated people from HotpotQA",
                        "Are Christopher Nolan and Sathish Kalathil both film directors?",
                        List.of("Christopher Nolan", "Sathish Kalathil")),
                arguments("'of' inside a name", "What language were books being translated into during the era of "
                        + "Haymo of Faversham?", List.of("Haymo of Faversham")),
                arguments("quoted title is one mention", "Who sang \"Fool (If You Think It's Over)\" first?",
                        List.of("Fool (If You Think It's Over)")));
    }

    @Test
    void mentionsAreDeduplicatedByNormalizedForm() {
        List<String> mentions = EXTRACTOR.extract("Is Nature Physics older than nature physics?");
        assertThat(mentions.stream().filter(m -> m.equalsIgnoreCase("Nature Physics"))).hasSize(1);
    }

    @Test
    void blankQuestionHasNoMentions() {
        assertThat(EXTRACTOR.extract(" ")).isEmpty();
    }
}
