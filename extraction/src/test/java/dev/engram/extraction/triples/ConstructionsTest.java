package dev.engram.extraction.triples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.engram.records.triples.Triple;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One test per construction: the standard extractor finds the fact, and the same extractor with that one
 * construction skipped does not, so the fact is that construction's doing. Title attributes and alternative
 * names, read inside the verbal and coordination constructions, are checked the same way.
 */
class ConstructionsTest {
    private static final EnglishTagger TAGGER = new EnglishTagger();
    private static final RuleTripleExtractor STANDARD = new RuleTripleExtractor(TAGGER);
    private static final String STARRING =
            "Black Hawk Down is a film starring Josh Hartnett, Ewan McGregor and Tom Sizemore.";

    private static List<Triple> without(Gap.Kind kind, String title, String text) {
        Map<Gap.Kind, Construction> map = new EnumMap<>(Constructions.standard().byKind());
        map.put(kind, (a, gap, walk) -> a);
        return new RuleTripleExtractor(TAGGER, new Constructions(map)).extract(title, text);
    }

    private static void owns(Gap.Kind kind, String title, String text, Triple fact) {
        assertThat(STANDARD.extract(title, text)).contains(fact);
        assertThat(without(kind, title, text)).as("without the " + kind + " construction").doesNotContain(fact);
    }

    /** Passages, each with a fact that only the named construction finds. */
    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("factsAndTheirConstructions")
    void theConstructionOwnsTheFact(Gap.Kind kind, String title, String text, Triple fact) {
        owns(kind, title, text, fact);
    }

    static Stream<Arguments> factsAndTheirConstructions() {
        String film = "Black Hawk Down (film)";
        return Stream.of(
                // verbal: relation phrases, with light nouns folded in
                arguments(Gap.Kind.VERBAL, film,
                        "Black Hawk Down is a 2001 American war film directed by Ridley Scott.",
                        new Triple(film, "directed by", "Ridley Scott")),
                arguments(Gap.Kind.VERBAL, "Teutberga", "Teutberga was a queen of Lotharingia.",
                        new Triple("Teutberga", "was a queen of", "Lotharingia")),
                // coordination: the relation repeated for each object, and an alternative name as an alias
                arguments(Gap.Kind.COORDINATION, film, STARRING, new Triple(film, "starring", "Tom Sizemore")),
                arguments(Gap.Kind.COORDINATION, "Dai Jitao", "Dai Jitao or Tai Chitao was a Chinese journalist.",
                        new Triple("Dai Jitao", "also known as", "Tai Chitao")),
                // apposition: is-a and containment
                arguments(Gap.Kind.APPOSITION, "Leiden painters",
                        "In 1650, Jan Steen, a Dutch painter, lived in Leiden.",
                        new Triple("Jan Steen", "is a", "Dutch painter")),
                arguments(Gap.Kind.APPOSITION, "Helen Hardin", "Helen Hardin was born in Albuquerque, New Mexico.",
                        new Triple("Albuquerque", "located in", "New Mexico")),
                // a preposition continues the last verb
                arguments(Gap.Kind.ADP, "Kerris Dorsey", "Kerris Dorsey was born in Los Angeles in 1998.",
                        new Triple("Kerris Dorsey", "was born in", "1998")),
                // a possessive gives the owner's attribute
                arguments(Gap.Kind.NONE, "Lothair II", "Lothair II's mother was Ermengarde of Tours.",
                        new Triple("Lothair II", "mother was", "Ermengarde of Tours")));
    }

    @Test
    void verbPartDropsTheTrailingPreposition() {
        assertThat(VerbalConstruction.verbPart("was born in")).isEqualTo("was born");
        assertThat(VerbalConstruction.verbPart("directed")).isEqualTo("directed");
    }

    /**
     * Read directly: in the extractor the verbal construction asks for a subject first, and "Her father" or "the
     * editor" resolves to none, so this rule does not fire on the development corpora (kept as it was).
     */
    @Test
    void titleAttributeNamesWhatThePassageIsAbout() {
        dev.engram.records.triples.EntityNormalizer normalizer = new dev.engram.records.triples.EntityNormalizer();
        NounPhraseChunker chunker = new NounPhraseChunker();
        String journal = "Journal of Spectral Theory";
        TaggedSentence opening = TAGGER.tag("The Journal of Spectral Theory is a mathematics journal.").getFirst();
        TitleContext title = TitleContext.of(journal, opening, chunker.chunk(opening), normalizer);
        TaggedSentence sentence = TAGGER.tag("The current editor is Jan Philip Solovej.").getFirst();
        List<Triple> out = new java.util.ArrayList<>();
        Walk walk = new Walk(new SentenceView(sentence, chunker.chunk(sentence), title, normalizer, null), out);
        assertThat(TitleAttribute.read(0, walk.view.gapAfter(0), walk)).isTrue();
        assertThat(out).containsExactly(new Triple(journal, "current editor is", "Jan Philip Solovej"));
        assertThat(STANDARD.extract(journal, "The Journal of Spectral Theory is a mathematics journal. The current "
                + "editor is Jan Philip Solovej.")).doesNotContain(out.getFirst());
    }

    @Test
    void coordinationKeepsTheFirstObjectWithoutItsConstruction() {
        // only the later objects of the list need the coordination construction
        assertThat(without(Gap.Kind.COORDINATION, "Black Hawk Down (film)", STARRING))
                .contains(new Triple("Black Hawk Down (film)", "starring", "Josh Hartnett"));
    }

    @Test
    void everyGapKindNeedsAConstruction() {
        assertThatThrownBy(() -> new Constructions(Map.of(Gap.Kind.VERBAL, new VerbalConstruction())))
                .hasMessageContaining("no construction for");
    }

    @Test
    void predicatesOfCoordinatedVerbsAreDistributed() {
        assertThat(PredicateDistribution.distribute("directed and produced by"))
                .containsExactly("directed by", "produced by");
        assertThat(PredicateDistribution.distribute("was born and raised in"))
                .containsExactly("was born in", "was raised in");
        assertThat(PredicateDistribution.distribute("wrote songs and produced")).containsExactly("wrote songs and produced");
    }

    @Test
    void wordListsAreReadFromTheirFiles() {
        assertThat(WordList.ROLES).contains("editor", "mayor").doesNotContain("#");
        assertThat(WordList.AUXILIARIES).contains("was", "been");
        assertThat(WordList.DESCRIBING_PARTICIPLES).contains("founded", "co-written");
        assertThat(WordList.IRREGULAR_PARTICIPLES).contains("born", "won");
        assertThatThrownBy(() -> WordList.load("no-such-list")).hasMessageContaining("words/no-such-list.txt");
    }
}
