package dev.engram.retrieval.linking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameLinkerNamedTest {
    @Test
    void aMentionWithACapitalOrADigitIsANameALowerCaseOneIsACommonNoun() {
        assertThat(NameLinker.named("Black Hawk Down")).isTrue();
        assertThat(NameLinker.named("iPhone")).isTrue();
        assertThat(NameLinker.named("2011 census")).isTrue();
        assertThat(NameLinker.named("currency")).isFalse();
        assertThat(NameLinker.named("most people")).isFalse();
    }
}
