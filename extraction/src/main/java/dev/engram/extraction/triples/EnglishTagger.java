package dev.engram.extraction.triples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/** Splits English text into sentences, tokens and Universal Dependencies POS tags with OpenNLP's models. Thread-safe. */
public final class EnglishTagger {

    private static final String SENTENCE_MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    private static final String TOKEN_MODEL = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    private static final String POS_MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

    private static final Set<String> ABBREVIATIONS = Set.of("Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Lt",
            "Gen", "Col", "Capt", "Sgt", "Prof", "Rev", "Mt", "Ft", "No", "Vol", "vs", "Gov", "Sen", "Rep", "Maj");

    // Models are immutable and shareable; the ME wrappers keep per-call state, so each thread gets its own.
    private final ThreadLocal<SentenceDetectorME> sentences;
    private final ThreadLocal<TokenizerME> tokenizer;
    private final ThreadLocal<POSTaggerME> tagger;

    /** Loads the three models from the classpath (a few hundred milliseconds). */
    public EnglishTagger() {
        SentenceModel sentenceModel = load(SENTENCE_MODEL, SentenceModel::new);
        TokenizerModel tokenModel = load(TOKEN_MODEL, TokenizerModel::new);
        POSModel posModel = load(POS_MODEL, POSModel::new);
        sentences = ThreadLocal.withInitial(() -> new SentenceDetectorME(sentenceModel));
        tokenizer = ThreadLocal.withInitial(() -> new TokenizerME(tokenModel));
        tagger = ThreadLocal.withInitial(() -> new POSTaggerME(posModel));
    }

    /** The sentences of {@code text}, tokenized and tagged; token offsets refer to {@code text}. */
    public List<TaggedSentence> tag(String text) {
        Span[] sentenceSpans = sentences.get().sentPosDetect(text);
        List<TaggedSentence> result = new ArrayList<>(sentenceSpans.length);
        int start = -1;
        for (int i = 0; i < sentenceSpans.length; i++) {
            Span sentence = sentenceSpans[i];
            start = start < 0 ? sentence.getStart() : start;
            // the model splits after initials and titles: "H. B. Crosby", "Dr. Reid"
            if (i + 1 < sentenceSpans.length && endsWithAbbreviation(text, sentence.getEnd())) {
                continue;
            }
            TaggedSentence tagged = tagSentence(text, start, sentence.getEnd());
            start = -1;
            if (tagged.size() > 0) {
                result.add(tagged);
            }
        }
        return result;
    }

    /** One span of {@code text} tagged as a single sentence (for short inputs such as questions). */
    public TaggedSentence tagSentence(String text, int from, int to) {
        String sentence = text.substring(from, to);
        Span[] tokenSpans = tokenizer.get().tokenizePos(sentence);
        String[] tokens = new String[tokenSpans.length];
        int[] starts = new int[tokenSpans.length];
        int[] ends = new int[tokenSpans.length];
        for (int i = 0; i < tokenSpans.length; i++) {
            tokens[i] = tokenSpans[i].getCoveredText(sentence).toString();
            starts[i] = from + tokenSpans[i].getStart();
            ends[i] = from + tokenSpans[i].getEnd();
        }
        String[] tags = tokens.length == 0 ? tokens : tagger.get().tag(tokens);
        return new TaggedSentence(text, tokens, tags, starts, ends);
    }

    private static boolean endsWithAbbreviation(String text, int end) {
        if (end < 2 || text.charAt(end - 1) != '.') {
            return false;
        }
        int wordStart = end - 1;
        while (wordStart > 0 && Character.isLetter(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        int length = end - 1 - wordStart;
        if (length == 1) {
            return Character.isUpperCase(text.charAt(wordStart));
        }
        return ABBREVIATIONS.contains(text.substring(wordStart, end - 1));
    }

    private interface ModelReader<M> {
        M read(InputStream in) throws IOException;
    }

    private static <M> M load(String resource, ModelReader<M> reader) {
        try (InputStream in = EnglishTagger.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP model not on the classpath: " + resource);
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read OpenNLP model " + resource, e);
        }
    }
}
