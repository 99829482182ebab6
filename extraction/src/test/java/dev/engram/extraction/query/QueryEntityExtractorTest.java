package dev.engram.extraction.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

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

    @Test
    void multiWordTitleFromMusique() {
        assertThat(EXTRACTOR.extract("Who was the first president of the association which published Journal of "
                + "Psychotherapy Integration?")).contains("Journal of Psychotherapy Integration");
    }

    @Test
    void placeWithItsStateFromMusique() {
        assertThat(EXTRACTOR.extract("What county shares a border with the county in which Johnnycake, West "
                + "Virginia is located?")).contains("Johnnycake", "West Virginia");
    }

    @Test
    void coordinatedPeopleFromHotpotqa() {
        assertThat(EXTRACTOR.extract("Are Christopher Nolan and Sathish Kalathil both film directors?"))
                .contains("Christopher Nolan", "Sathish Kalathil");
    }

    @Test
    void ofInsideAName() {
        assertThat(EXTRACTOR.extract("What language were books being translated into during the era of Haymo of "
                + "Faversham?")).contains("Haymo of Faversham");
    }

    @Test
    void quotedTitleIsOneMention() {
        assertThat(EXTRACTOR.extract("Who sang \"Fool (If You Think It's Over)\" first?"))
                .contains("Fool (If You Think It's Over)");
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
