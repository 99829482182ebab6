package dev.engram.extraction.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LenientJsonTest {

    private static String read(String raw) {
        return LenientJson.parse(raw).orElseThrow().value().toString();
    }

    @Test
    void readsPlainJson() {
        assertThat(LenientJson.parse("{\"a\": [1, 2]}").orElseThrow().repaired()).isFalse();
        assertThat(read("{\"a\": [1, 2]}")).isEqualTo("{\"a\":[1,2]}");
    }

    @Test
    void stripsCodeFencesAndChatter() {
        assertThat(read("Sure! Here it is:\n```json\n{\"named_entities\": [\"A\"]}\n```\nHope this helps."))
                .isEqualTo("{\"named_entities\":[\"A\"]}");
        assertThat(read("The entities are {\"named_entities\": [\"A\", \"B\"]} as requested."))
                .isEqualTo("{\"named_entities\":[\"A\",\"B\"]}");
    }

    @Test
    void acceptsSingleQuotesAndTrailingCommas() {
        assertThat(read("{'triples': [['Paris', 'capital of', 'France'],],}"))
                .isEqualTo("{\"triples\":[[\"Paris\",\"capital of\",\"France\"]]}");
        assertThat(read("{\"named_entities\": [\"Ridley Scott's film\", \"B\",]}"))
                .isEqualTo("{\"named_entities\":[\"Ridley Scott's film\",\"B\"]}");
    }

    @Test
    void cutsTruncatedAnswersBackToTheLastCompleteElement() {
        LenientJson.Parsed parsed = LenientJson.parse("{\"triples\": [[\"a\", \"b\", \"c\"], [\"d\", \"e\", \"f\"], [\"g\", \"h").orElseThrow();

        assertThat(parsed.repaired()).isTrue();
        // The incomplete triple keeps only its complete first part, so it is dropped later for its length.
        assertThat(parsed.value().toString()).isEqualTo("{\"triples\":[[\"a\",\"b\",\"c\"],[\"d\",\"e\",\"f\"],[\"g\"]]}");
        assertThat(read("{\"named_entities\": [\"A\", \"B\", \"Ca")).isEqualTo("{\"named_entities\":[\"A\",\"B\"]}");
        assertThat(read("```json\n{\"triples\": [[\"a\", \"b\", \"c\"],\n")).isEqualTo("{\"triples\":[[\"a\",\"b\",\"c\"]]}");
    }

    @Test
    void readsABareArray() {
        assertThat(read("[[\"a\", \"b\", \"c\"]]")).isEqualTo("[[\"a\",\"b\",\"c\"]]");
    }

    @Test
    void givesUpOnTextWithoutJson() {
        assertThat(LenientJson.parse("I am sorry, I cannot extract anything from this passage.")).isEmpty();
        assertThat(LenientJson.parse("{\"triples\": ")).isEmpty();
        assertThat(LenientJson.parse("")).isEmpty();
    }
}
