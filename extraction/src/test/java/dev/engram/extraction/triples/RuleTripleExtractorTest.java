package dev.engram.extraction.triples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class RuleTripleExtractorTest {

    private static final RuleTripleExtractor EXTRACTOR = new RuleTripleExtractor();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(4);

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    private static List<Triple> extract(String title, String text) {
        return EXTRACTOR.extract(title, text);
    }

    @Test
    void copulaParticiplesAndCoordinatedObjects() {
        List<Triple> triples = extract("Black Hawk Down (film)", "Black Hawk Down is a 2001 American war film "
                + "directed by Ridley Scott and starring Josh Hartnett, Ewan McGregor and Tom Sizemore.");
        String film = "Black Hawk Down (film)";
        assertThat(triples).contains(
                new Triple(film, "is a", "2001 American war film"),
                new Triple(film, "directed by", "Ridley Scott"),
                new Triple(film, "starring", "Josh Hartnett"),
                new Triple(film, "starring", "Ewan McGregor"),
                new Triple(film, "starring", "Tom Sizemore"));
    }

    @Test
    void parentheticalDeathDateAndNounFoldedIntoTheRelation() {
        List<Triple> triples = extract("Teutberga",
                "Teutberga( died 11 November 875) was a queen of Lotharingia by marriage to Lothair II.");
        assertThat(triples).contains(
                new Triple("Teutberga", "died on", "11 November 875"),
                new Triple("Teutberga", "was a queen of", "Lotharingia"));
    }

    @Test
    void lifeDateRangeGivesBirthAndDeath() {
        List<Triple> triples = extract("Peter Appleyard",
                "Peter Appleyard, (26 August 1928 – 17 July 2013) was a Canadian jazz vibraphonist.");
        assertThat(triples).contains(
                new Triple("Peter Appleyard", "born on", "26 August 1928"),
                new Triple("Peter Appleyard", "died on", "17 July 2013"),
                new Triple("Peter Appleyard", "was a", "Canadian jazz vibraphonist"));
    }

    @Test
    void monthFirstDatesStayOnePhrase() {
        List<Triple> triples = extract("Kerris Dorsey",
                "Kerris Lilla Dorsey (born January 9, 1998) is an American actress. She was born in Los Angeles on "
                        + "November 11, 1998.");
        assertThat(triples).contains(
                new Triple("Kerris Dorsey", "born on", "January 9, 1998"),
                new Triple("Kerris Dorsey", "was born in", "Los Angeles"),
                new Triple("Kerris Dorsey", "was born on", "November 11, 1998"));
    }

    @Test
    void reverbFoldsALightNounIntoThePredicate() {
        assertThat(extract("Paris", "Paris is the capital of France."))
                .contains(new Triple("Paris", "is the capital of", "France"));
    }

    @Test
    void pronounsAndTypeNounsResolveToTheTitle() {
        List<Triple> triples = extract("Life Show", "Life Show is a 2002 Chinese film directed by Huo Jianqi. "
                + "It was based on a novel by Chi Li. The film was adapted by Si Wu.");
        assertThat(triples).contains(
                new Triple("Life Show", "directed by", "Huo Jianqi"),
                new Triple("Life Show", "was based on a novel by", "Chi Li"),
                new Triple("Life Show", "was adapted by", "Si Wu"));
    }

    @Test
    void appositiveGivesAnIsAFactAndTheVerbStillBelongsToTheName() {
        List<Triple> triples = extract("Leiden painters", "In 1650, Jan Steen, a Dutch painter, lived in Leiden.");
        assertThat(triples).contains(
                new Triple("Jan Steen", "is a", "Dutch painter"),
                new Triple("Jan Steen", "lived in", "Leiden"));
    }

    @Test
    void descriptionBeforeANameBecomesItsType() {
        List<Triple> triples = extract("Person-centered therapy", "Person - centered therapy is a form of "
                + "psychotherapy developed by psychologist Carl Rogers.");
        assertThat(triples).contains(
                new Triple("Person-centered therapy", "is a form of", "psychotherapy"),
                new Triple("Person-centered therapy", "developed by", "Carl Rogers"),
                new Triple("Carl Rogers", "is a", "psychologist"));
    }

    @Test
    void aTitleTheTaggerWouldSplitStaysWhole() {
        List<Triple> triples = extract("Culture, Society and Masculinities", "Culture, Society and Masculinities "
                + "was a peer-reviewed journal published by Men's Studies Press.");
        assertThat(triples).contains(
                new Triple("Culture, Society and Masculinities", "was a", "peer-reviewed journal"),
                new Triple("Culture, Society and Masculinities", "published by", "Men's Studies Press"));
    }

    @Test
    void unresolvablePronounsAndVagueSubjectsGiveNothing() {
        List<Triple> triples = extract("Annual report",
                "The committee met twice. Sales grew, and it was published in 1999 by the board.");
        assertThat(triples).extracting(Triple::subject)
                .noneMatch(s -> Set.of("it", "It", "committee", "the committee").contains(s));
    }

    @Test
    void relativeClauseAfterACopulaBelongsToThePerson() {
        List<Triple> triples = extract("Beverly Boys", "Beverly Boys is a retired diver from Canada, who "
                + "represented her native country in three consecutive Summer Olympics.");
        assertThat(triples).contains(new Triple("Beverly Boys", "is a retired diver from", "Canada"));
        assertThat(triples).extracting(Triple::subject).doesNotContain("Canada");
    }

    @Test
    void possessorOfACopulaAttribute() {
        assertThat(extract("Lothair II", "Lothair II's mother was Ermengarde of Tours."))
                .contains(new Triple("Lothair II", "mother was", "Ermengarde of Tours"));
    }

    @Test
    void verbMistaggedAsPluralNounAfterANameIsRepaired() {
        assertThat(extract("Nepal", "Nepal experiences five seasons."))
                .contains(new Triple("Nepal", "experiences", "five seasons"));
    }

    @Test
    void placeAfterPlaceIsWhereItLies() {
        assertThat(extract("Helen Hardin", "Helen Hardin was born in Albuquerque, New Mexico."))
                .contains(new Triple("Helen Hardin", "was born in", "Albuquerque"),
                        new Triple("Albuquerque", "located in", "New Mexico"));
    }

    @Test
    void emptyTextGivesNoTriples() {
        assertThat(extract("Anything", "  ")).isEmpty();
        assertThat(extract(null, "")).isEmpty();
    }

    @Test
    void concurrentCallsGiveTheSameAnswersAsSequentialOnes() throws Exception {
        List<String> texts = List.of(
                "Black Hawk Down is a 2001 American war film directed by Ridley Scott.",
                "Teutberga( died 11 November 875) was a queen of Lotharingia by marriage to Lothair II.",
                "Paris is the capital of France. It is located on the Seine.",
                "Life Show is a 2002 Chinese film directed by Huo Jianqi. The film was adapted by Si Wu.");
        List<List<Triple>> expected = texts.stream().map(t -> extract("T", t)).toList();
        List<Future<List<Triple>>> futures = IntStream.range(0, 200)
                .mapToObj(i -> POOL.submit(() -> extract("T", texts.get(i % texts.size()))))
                .toList();
        for (int i = 0; i < futures.size(); i++) {
            assertThat(futures.get(i).get()).isEqualTo(expected.get(i % texts.size()));
        }
    }
}
