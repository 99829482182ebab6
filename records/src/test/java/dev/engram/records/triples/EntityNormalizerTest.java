package dev.engram.records.triples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EntityNormalizerTest {

    private final EntityNormalizer normalizer = new EntityNormalizer();

    /** Surface forms and the ids they normalize to, grouped by the rule each pair checks. */
    @ParameterizedTest(name = "{0}: \"{1}\" -> \"{2}\"")
    @MethodSource("formsAndIds")
    void normalizesToTheId(String rule, String form, String id) {
        assertThat(normalizer.normalize(form)).isEqualTo(id);
    }

    static Stream<Arguments> formsAndIds() {
        return Stream.of(
                arguments("lowercase, punctuation to single spaces", "  Person - centered   Therapy ",
                        "person centered therapy"),
                arguments("lowercase, punctuation to single spaces", "Wiley-Blackwell", "wiley blackwell"),
                arguments("lowercase, punctuation to single spaces", "Black Hawk Down (book)",
                        "black hawk down book"),
                arguments("apostrophes join rather than split", "Men's Studies Press", "mens studies press"),
                arguments("non-Latin scripts kept", "Москва", "москва"),
                arguments("non-Latin scripts kept", "東京", "東京"),
                arguments("non-Latin scripts kept", "Vàm Cỏ River", "vàm cỏ river"),
                arguments("non-Latin scripts kept", "नई दिल्ली", "नई दिल्ली"),
                arguments("non-Latin scripts kept", "太極２ 英雄崛起", "太極2 英雄崛起"),
                arguments("NFKC: compatibility forms meet their plain spelling", "ＡＢＣ　１２３", "abc 123"),
                arguments("NFKC: compatibility forms meet their plain spelling", "ﬁve", "five"),
                // the root locale: a Turkish default locale would give a dotless i
                arguments("root locale", "TITLE", "title"));
    }

    @Test
    void combiningAccentsMeetTheirPrecomposedSpelling() {
        assertThat(normalizer.normalize("Cafe\u0301")).isEqualTo(normalizer.normalize("Café"));
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
