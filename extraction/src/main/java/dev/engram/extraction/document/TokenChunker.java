package dev.engram.extraction.document;

import dev.engram.records.document.DocumentLayout;
import dev.engram.records.document.DocumentSection;
import dev.engram.records.document.SourceDocument;
import dev.engram.records.document.TextChunk;
import dev.engram.extraction.embedding.TextTokenizer;
import dev.engram.extraction.embedding.TokenSpans;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts document text into chunks whose size and overlap are counted in the embedding model's tokens.
 *
 * <ul>
 *   <li>A text of at most {@code chunkTokens} tokens stays whole: one chunk with {@code start = 0} and
 *       {@code end = text.length()}. Text with no tokens at all (empty or blank) gives no chunk.
 *   <li>Otherwise each chunk holds at most {@code chunkTokens} tokens and ends at the best boundary within the
 *       last third of that budget (the latest one of the best kind): a paragraph break, else a sentence end,
 *       else a line break, else whitespace, else punctuation; only text without any such boundary over a third
 *       of a chunk (a very long "word", or CJK text) is cut between tokens inside it.
 *   <li>The next chunk starts at most {@code overlapTokens} tokens before the previous one ended, at the first
 *       word start in that window, so consecutive chunks share at most {@code overlapTokens} tokens and every
 *       token is in some chunk.
 *   <li>A multi-chunk chunk spans from its first token's start to its last token's end, so
 *       {@code text.substring(start, end)} equals its text and leading/trailing whitespace is dropped.
 *   <li>Chunk ids are {@code documentId + "#" + index}, index from 0: stable for the same text and settings.
 *   <li>{@code tokenCount} excludes the model's special tokens; chunks cut at word boundaries re-tokenize to
 *       exactly that count.
 * </ul>
 *
 * <p>Defaults: {@value #DEFAULT_CHUNK_TOKENS} tokens with {@value #DEFAULT_OVERLAP_TOKENS} overlap: half of
 * bge's 512-token window, inside the 128-512 range HippoRAG's maintainers suggest, and big enough that a
 * typical Wikipedia-style passage (60-150 tokens) is one chunk. Thread-safe if the tokenizer is.
 */
public final class TokenChunker {

    public static final int DEFAULT_CHUNK_TOKENS = 256;
    public static final int DEFAULT_OVERLAP_TOKENS = 32;

    // Strength of the boundary before a token: higher is a better place to cut.
    private static final int INSIDE_WORD = 0;
    private static final int PUNCTUATION = 1;
    private static final int WHITESPACE = 2;
    private static final int LINE_BREAK = 3;
    private static final int SENTENCE_END = 4;
    private static final int PARAGRAPH = 5;

    private final TextTokenizer tokenizer;
    private final int chunkTokens;
    private final int overlapTokens;

    /** A chunker with {@value #DEFAULT_CHUNK_TOKENS} tokens per chunk and {@value #DEFAULT_OVERLAP_TOKENS} overlap. */
    public TokenChunker(TextTokenizer tokenizer) {
        this(tokenizer, DEFAULT_CHUNK_TOKENS, DEFAULT_OVERLAP_TOKENS);
    }

    /**
     * @param chunkTokens most tokens in a chunk, at least 1 and at most what the model reads
     *     ({@code maxModelTokens - specialTokenCount}, 510 for bge)
     * @param overlapTokens most tokens shared by consecutive chunks, {@code 0 <= overlapTokens < chunkTokens}
     */
    public TokenChunker(TextTokenizer tokenizer, int chunkTokens, int overlapTokens) {
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
        int modelLimit = tokenizer.maxModelTokens() - tokenizer.specialTokenCount();
        if (chunkTokens < 1 || chunkTokens > modelLimit) {
            throw new IllegalArgumentException(
                    "chunkTokens must be in 1.." + modelLimit + " (what the model reads), was " + chunkTokens);
        }
        if (overlapTokens < 0 || overlapTokens >= chunkTokens) {
            throw new IllegalArgumentException(
                    "overlapTokens must be in 0.." + (chunkTokens - 1) + ", was " + overlapTokens);
        }
        this.chunkTokens = chunkTokens;
        this.overlapTokens = overlapTokens;
    }

    public int chunkTokens() {
        return chunkTokens;
    }

    public int overlapTokens() {
        return overlapTokens;
    }

    /** The id of chunk {@code index} of a document. */
    public static String chunkId(String documentId, int index) {
        return documentId + "#" + index;
    }

    /**
     * Chunks a document's text. A document without layout is chunked exactly as {@link #chunk(String, String)}; one
     * with sections is cut at every top-level section first, so that no chunk crosses one, and each chunk is told
     * its pages and the section path at its start.
     */
    public List<TextChunk> chunk(SourceDocument document) {
        DocumentLayout layout = document.layout();
        if (layout.isEmpty()) {
            return chunk(document.id(), document.text());
        }
        String text = document.text();
        List<Integer> cuts = new ArrayList<>();
        cuts.add(0);
        for (DocumentSection s : layout.sections()) {
            if (s.parent() < 0 && s.start() > cuts.getLast() && s.start() < text.length()) {
                cuts.add(s.start());
            }
        }
        cuts.add(text.length());
        List<TextChunk> out = new ArrayList<>();
        for (int i = 0; i + 1 < cuts.size(); i++) {
            int from = cuts.get(i);
            for (TextChunk piece : chunk(document.id(), text.substring(from, cuts.get(i + 1)))) {
                int start = from + piece.start();
                int end = from + piece.end();
                String body = piece.text();
                String trimmed = body.strip();
                start += body.indexOf(trimmed.isEmpty() ? body : trimmed);
                end = start + trimmed.length();
                int index = out.size();
                DocumentSection section = layout.sectionAt(start);
                out.add(new TextChunk(chunkId(document.id(), index), document.id(), index, trimmed,
                        piece.tokenCount(), start, end, layout.pageAt(start), layout.pageAt(Math.max(start, end - 1)),
                        layout.pathOf(section), section == null ? null : DocumentSection.id(document.id(), section.index())));
            }
        }
        return out;
    }

    /** Chunks {@code text}; offsets in the chunks are into {@code text}. */
    public List<TextChunk> chunk(String documentId, String text) {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(text, "text");
        TokenSpans spans = tokenizer.spans(text);
        int n = spans.size();
        if (n == 0) {
            return List.of();
        }
        if (n <= chunkTokens) {
            return List.of(new TextChunk(chunkId(documentId, 0), documentId, 0, text, n, 0, text.length()));
        }
        List<TextChunk> chunks = new ArrayList<>(2 + n / Math.max(1, chunkTokens - overlapTokens));
        int s = 0;
        while (true) {
            int e = n - s <= chunkTokens ? n : bestEnd(text, spans, s);
            int start = spans.start(s);
            int end = spans.end(e - 1);
            int index = chunks.size();
            chunks.add(new TextChunk(chunkId(documentId, index), documentId, index, text.substring(start, end),
                    e - s, start, end));
            if (e == n) {
                return chunks;
            }
            s = nextStart(text, spans, s, e);
        }
    }

    /** End (exclusive token index) of the chunk that starts at token {@code s}; {@code s + chunkTokens < n}. */
    private int bestEnd(String text, TokenSpans spans, int s) {
        int limit = s + chunkTokens;
        int lookback = Math.max(1, chunkTokens / 3);
        int min = s + Math.max(overlapTokens + 1, chunkTokens - lookback);
        int best = limit;
        int bestStrength = -1;
        for (int e = limit; e >= min; e--) {
            int strength = boundary(text, spans, e);
            if (strength > bestStrength) {
                best = e;
                bestStrength = strength;
                if (strength == PARAGRAPH) {
                    break;
                }
            }
        }
        return best;
    }

    /** Start of the chunk after one spanning tokens {@code [s, e)}: the first word start in the overlap window. */
    private int nextStart(String text, TokenSpans spans, int s, int e) {
        if (overlapTokens == 0) {
            return e;
        }
        int from = Math.max(s + 1, e - overlapTokens);
        for (int wanted = WHITESPACE; wanted >= PUNCTUATION; wanted--) {
            for (int i = from; i < e; i++) {
                if (boundary(text, spans, i) >= wanted) {
                    return i;
                }
            }
        }
        return from;
    }

    /** How good a cut is between token {@code i - 1} and token {@code i} ({@code 0 < i < n}). */
    private static int boundary(String text, TokenSpans spans, int i) {
        int prevEnd = spans.end(i - 1);
        int nextStart = spans.start(i);
        int newlines = 0;
        boolean space = false;
        for (int c = prevEnd; c < nextStart; c++) {
            char ch = text.charAt(c);
            if (ch == '\n') {
                newlines++;
            }
            if (Character.isWhitespace(ch) || Character.isSpaceChar(ch)) {
                space = true;
            }
        }
        if (newlines >= 2) {
            return PARAGRAPH;
        }
        if (space && endsSentence(text, spans, i - 1)) {
            return SENTENCE_END;
        }
        if (newlines == 1) {
            return LINE_BREAK;
        }
        if (space) {
            return WHITESPACE;
        }
        if (prevEnd > spans.start(i - 1) && nextStart < spans.end(i)
                && (!Character.isLetterOrDigit(text.charAt(prevEnd - 1))
                        || !Character.isLetterOrDigit(text.charAt(nextStart)))) {
            return PUNCTUATION;
        }
        return INSIDE_WORD;
    }

    private static boolean endsSentence(String text, TokenSpans spans, int token) {
        // Look through closing quotes/brackets: `He left.")` ends a sentence too.
        for (int t = token; t >= 0 && t >= token - 2; t--) {
            if (spans.end(t) <= spans.start(t)) {
                return false;
            }
            char last = text.charAt(spans.end(t) - 1);
            if (last == '.' || last == '!' || last == '?' || last == '\u3002') {
                return true;
            }
            if ("\"')]}\u201d\u2019\u00bb".indexOf(last) < 0) {
                return false;
            }
        }
        return false;
    }
}
