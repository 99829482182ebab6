package dev.engram.extraction.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BgeTokenizerTest extends RealTokenizerTest {

    @Test
    void spansAreUtf16OffsetsEvenAfterSupplementaryCharacters() {
        String text = "Héllo 😀 wörld, x😀y 日本 Unbelievably.";
        TokenSpans spans = tokenizer.spans(text);
        StringBuilder pieces = new StringBuilder();
        for (int i = 0; i < spans.size(); i++) {
            pieces.append(text, spans.start(i), spans.end(i)).append('|');
        }
        assertThat(pieces.toString()).isEqualTo("Héllo|😀|wörld|,|x😀y|日|本|Un|bel|ie|va|bly|.|");
    }

    @Test
    void countsTokensWithoutSpecials() {
        assertThat(tokenizer.countTokens("")).isZero();
        assertThat(tokenizer.countTokens("   ")).isZero();
        assertThat(tokenizer.countTokens("Who directed Black Hawk Down?")).isEqualTo(6);
        assertThat(tokenizer.spans("Who directed Black Hawk Down?").size()).isEqualTo(6);
        assertThat(tokenizer.maxModelTokens()).isEqualTo(512);
        assertThat(tokenizer.specialTokenCount()).isEqualTo(2);
    }

    @Test
    void modelInputIsWrappedAndTruncated() {
        long[] ids = tokenizer.modelInputIds("hello world");
        assertThat(ids).containsExactly(101, 7592, 2088, 102);
        long[] longIds = tokenizer.modelInputIds("word ".repeat(2000));
        assertThat(longIds).hasSize(512);
        assertThat(longIds[0]).isEqualTo(101);
        assertThat(longIds[511]).isEqualTo(102);
        assertThat(tokenizer.modelInputIds(java.util.List.of("hello world", ""))[1]).containsExactly(101, 102);
    }
}
