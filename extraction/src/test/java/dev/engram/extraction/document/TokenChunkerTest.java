package dev.engram.extraction.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.records.document.SourceDocument;
import dev.engram.records.document.TextChunk;
import dev.engram.extraction.embedding.BgeTokenizer;
import dev.engram.extraction.embedding.TokenSpans;
import dev.engram.extraction.embedding.RealTokenizerTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Chunks with the real bge tokenizer. */
class TokenChunkerTest extends RealTokenizerTest {

    private static String longText() {
        StringBuilder sb = new StringBuilder();
        String[] sentences = {
            "Black Hawk Down is a 2001 war film directed by Ridley Scott.",
            "It is based on the 1999 book by Mark Bowden about the Battle of Mogadishu in 1993.",
            "The film features a large ensemble cast, including Josh Hartnett, Ewan McGregor and Tom Sizemore!",
            "Was it a commercial success? It grossed $173 million worldwide.",
            "Hans Zimmer composed the score (with contributions from Lisa Gerrard).",
            "Unbelievably, the supercalifragilistic production used real helicopters lent by the U.S. Army.",
        };
        for (int p = 0; p < 12; p++) {
            for (int s = 0; s < sentences.length; s++) {
                sb.append(sentences[(p + s) % sentences.length]).append(s % 3 == 2 ? "\n" : " ");
            }
            sb.append("Paragraph ").append(p).append(" ends here with café, naïve, 日本語 and 😀 emoji.\n\n");
        }
        return sb.toString();
    }

    @Test
    void shortPassageIsOneWholeChunk() {
        String text = "  Teutberga (died 11 November 875) was a queen of Lotharingia.\n";
        List<TextChunk> chunks = new TokenChunker(tokenizer).chunk("2wiki-00000", text);
        assertThat(chunks).containsExactly(new TextChunk("2wiki-00000#0", "2wiki-00000", 0, text,
                tokenizer.countTokens(text), 0, text.length()));
    }

    @Test
    void blankTextHasNoChunks() {
        assertThat(new TokenChunker(tokenizer).chunk("d", "")).isEmpty();
        assertThat(new TokenChunker(tokenizer).chunk("d", " \n\t ")).isEmpty();
    }

    @Test
    void offsetsMapBackExactlyAndIdsAreStable() {
        String text = longText();
        TokenChunker chunker = new TokenChunker(tokenizer, 64, 8);
        List<TextChunk> chunks = chunker.chunk(new SourceDocument("doc", "t", "s", text, Map.of()));
        assertThat(chunks.size()).isGreaterThan(10);
        for (int i = 0; i < chunks.size(); i++) {
            TextChunk c = chunks.get(i);
            assertThat(c.index()).isEqualTo(i);
            assertThat(c.id()).isEqualTo("doc#" + i);
            assertThat(c.documentId()).isEqualTo("doc");
            assertThat(text.substring(c.start(), c.end())).isEqualTo(c.text());
            assertThat(c.tokenCount()).isBetween(1, 64);
            // cut at word boundaries, so the chunk re-tokenizes to the same count
            assertThat(tokenizer.countTokens(c.text())).as("chunk %d", i).isEqualTo(c.tokenCount());
        }
        assertThat(chunker.chunk("doc", text)).isEqualTo(chunks);
    }

    @Test
    void everyTokenIsCoveredAndOverlapIsRespected() {
        String text = longText();
        for (int[] cfg : new int[][] {{64, 8}, {100, 0}, {256, 32}, {30, 29}, {1, 0}}) {
            List<TextChunk> chunks = new TokenChunker(tokenizer, cfg[0], cfg[1]).chunk("d", text);
            TokenSpans all = tokenizer.spans(text);
            int[] tokenChunkCount = new int[all.size()];
            for (TextChunk c : chunks) {
                int inChunk = 0;
                for (int t = 0; t < all.size(); t++) {
                    if (all.start(t) >= c.start() && all.end(t) <= c.end()) {
                        tokenChunkCount[t]++;
                        inChunk++;
                    }
                }
                assertThat(inChunk).isEqualTo(c.tokenCount()).isLessThanOrEqualTo(cfg[0]);
            }
            for (int t = 0; t < all.size(); t++) {
                assertThat(tokenChunkCount[t]).as("token %d with %s", t, cfg[0] + "/" + cfg[1]).isPositive();
            }
            for (int i = 1; i < chunks.size(); i++) {
                TextChunk prev = chunks.get(i - 1);
                TextChunk next = chunks.get(i);
                assertThat(next.start()).isGreaterThan(prev.start());
                assertThat(next.end()).isGreaterThan(prev.end());
                int shared = 0;
                for (int t = 0; t < all.size(); t++) {
                    if (all.start(t) >= next.start() && all.end(t) <= prev.end()) {
                        shared++;
                    }
                }
                assertThat(shared).as("overlap of chunks %d/%d", i - 1, i).isLessThanOrEqualTo(cfg[1]);
                if (cfg[1] >= 8) {
                    assertThat(shared).isPositive();
                } else if (cfg[1] == 0) {
                    assertThat(next.start()).isGreaterThanOrEqualTo(prev.end());
                }
            }
        }
    }

    @Test
    void prefersSentenceAndParagraphBoundaries() {
        String text = longText();
        List<TextChunk> chunks = new TokenChunker(tokenizer, 64, 0).chunk("d", text);
        long sentenceEnds = chunks.stream()
                .filter(c -> c.text().endsWith(".") || c.text().endsWith("!") || c.text().endsWith("?"))
                .count();
        assertThat(sentenceEnds).isGreaterThanOrEqualTo(chunks.size() * 8L / 10);
        // a paragraph break near the limit wins over a later sentence end
        String paragraphs = "First paragraph has a few words. It ends here.\n\nSecond one. Short. Words go on and on.";
        List<TextChunk> two = new TokenChunker(tokenizer, 14, 0).chunk("p", paragraphs);
        assertThat(two.get(0).text()).isEqualTo("First paragraph has a few words. It ends here.");
    }

    @Test
    void textWithoutBoundariesIsCutBetweenTokens() {
        String text = "日本語".repeat(100) + " tail"; // every CJK character is a token, with no space between
        List<TextChunk> chunks = new TokenChunker(tokenizer, 16, 2).chunk("d", text);
        assertThat(chunks.size()).isGreaterThan(1);
        for (TextChunk c : chunks) {
            assertThat(text.substring(c.start(), c.end())).isEqualTo(c.text());
            assertThat(c.tokenCount()).isLessThanOrEqualTo(16);
            assertThat(tokenizer.countTokens(c.text())).isEqualTo(c.tokenCount());
        }
        assertThat(chunks.get(chunks.size() - 1).end()).isEqualTo(text.length());
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> new TokenChunker(tokenizer, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenChunker(tokenizer, 511, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenChunker(tokenizer, 64, 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenChunker(tokenizer, 64, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new TokenChunker(tokenizer, 510, 0).chunkTokens()).isEqualTo(510);
    }
}
