package dev.engram.records.triples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntityNormalizerTest {

    private final EntityNormalizer normalizer = new EntityNormalizer();

    @Test
    void lowercasesAndTurnsPunctuationIntoSingleSpaces() {
        assertThat(normalizer.normalize("  Person - centered   Therapy ")).isEqualTo("person centered therapy");
        assertThat(normalizer.normalize("Wiley-Blackwell")).isEqualTo("wiley blackwell");
        assertThat(normalizer.normalize("Black Hawk Down (book)")).isEqualTo("black hawk down book");
    }

    @Test
    void apostrophesJoinRatherThanSplit() {
        assertThat(normalizer.normalize("Men's Studies Press")).isEqualTo("mens studies press");
    }

    @Test
    void keepsNonLatinScripts() {
        assertThat(normalizer.normalize("Москва")).isEqualTo("москва");
        assertThat(normalizer.normalize("東京")).isEqualTo("東京");
        assertThat(normalizer.normalize("Vàm Cỏ River")).isEqualTo("vàm cỏ river");
        assertThat(normalizer.normalize("नई दिल्ली")).isEqualTo("नई दिल्ली");
        assertThat(normalizer.normalize("太極２ 英雄崛起")).isEqualTo("太極2 英雄崛起");
    }

    @Test
    void appliesNfkcSoCompatibilityFormsMeetTheirPlainSpelling() {
        assertThat(normalizer.normalize("ＡＢＣ　１２３")).isEqualTo("abc 123");
        assertThat(normalizer.normalize("ﬁve")).isEqualTo("five");
        assertThat(normalizer.normalize("Cafe\u0301")).isEqualTo(normalizer.normalize("Café"));
    }

    @Test
    void usesRootLocaleSoTurkishDotlessIDoesNotLeakIn() {
        assertThat(normalizer.normalize("TITLE")).isEqualTo("title");
    }

    @Test
    void nothingLetterLikeLeavesAnEmptyId() {
        assertThat(normalizer.normalize(" -- ! ")).isEmpty();
    }

    @Test
    void displayNameIsTheMostFrequentSurfaceForm() {
        assertThat(normalizer.displayName(List.of("the Beatles", "The Beatles", "The Beatles"))).isEqualTo("The Beatles");
    }

    @Test
    void displayNameTieGoesToTheFormSeenFirst() {
        assertThat(normalizer.displayName(List.of("Lothair II", "Lothair Ii", "Lothair Ii", "Lothair II")))
                .isEqualTo("Lothair II");
    }

    @Test
    void displayNameNeedsAForm() {
        assertThatThrownBy(() -> normalizer.displayName(List.of(" ")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
