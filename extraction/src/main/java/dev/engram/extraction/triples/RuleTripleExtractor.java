package dev.engram.extraction.triples;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Offline triple extraction: OpenNLP sentences, tokens and POS tags under ReVerb-style patterns, with
 * encyclopaedic conventions (life dates in brackets, "he"/"the film" meaning the title). Precision first:
 * a fact whose subject cannot be named is dropped. Thread-safe.
 */
public final class RuleTripleExtractor implements TripleExtractor {

    private static final int MAX_GAP_CHARS = 3;

    private final EnglishTagger tagger;
    private final NounPhraseChunker chunker = new NounPhraseChunker();
    private final EntityNormalizer normalizer = new EntityNormalizer();

    /** An extractor over its own copy of the OpenNLP models. */
    public RuleTripleExtractor() {
        this(new EnglishTagger());
    }

    /** An extractor sharing {@code tagger}'s models. */
    public RuleTripleExtractor(EnglishTagger tagger) {
        this.tagger = tagger;
    }

    @Override
    public List<Triple> extract(String title, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        MaskedText masked = MaskedText.of(text);
        List<TaggedSentence> sentences = tagger.tag(masked.text());
        List<Triple> triples = new ArrayList<>();
        TitleContext context = null;
        TitleSpans titleSpans = new TitleSpans(title, normalizer);
        for (TaggedSentence sentence : sentences) {
            List<Phrase> args = arguments(sentence, titleSpans);
            if (context == null) {
                context = TitleContext.of(title, sentence, args, normalizer);
                lifeDates(sentence, args, masked, context, triples);
            }
            new SentenceRelations(sentence, args, context, normalizer, triples).read();
        }
        return List.copyOf(new LinkedHashSet<>(triples));
    }

    // noun phrases plus subject pronouns, which may stand for the title
    private List<Phrase> arguments(TaggedSentence sentence, TitleSpans titleSpans) {
        List<Phrase> phrases = titleSpans.merge(sentence, chunker.chunk(sentence));
        List<Phrase> args = new ArrayList<>(phrases.size() + 2);
        int p = 0;
        for (int i = 0; i < sentence.size(); i++) {
            while (p < phrases.size() && phrases.get(p).start() <= i) {
                Phrase phrase = phrases.get(p++);
                args.add(phrase);
                i = Math.max(i, phrase.end() - 1);
            }
            if (i < sentence.size() && sentence.tag(i).equals("PRON") && TitleContext.subjectPronoun(sentence.token(i))
                    && (args.isEmpty() || args.getLast().end() <= i)) {
                args.add(new Phrase(i, i + 1, sentence.token(i), "", false, false, false));
            }
        }
        while (p < phrases.size()) {
            args.add(phrases.get(p++));
        }
        return args;
    }

    // "Teutberga (died 11 November 875) was ..." → (Teutberga, died on, 11 November 875)
    private static void lifeDates(TaggedSentence sentence, List<Phrase> args, MaskedText masked, TitleContext context,
                                  List<Triple> out) {
        if (args.isEmpty() || masked.parentheticals().isEmpty()) {
            return;
        }
        Phrase first = args.getFirst();
        String subject = context.resolve(first);
        if (subject == null) {
            return;
        }
        int after = sentence.ends()[first.end() - 1];
        for (Parenthetical aside : masked.parentheticals()) {
            if (aside.start() >= after && aside.start() - after <= MAX_GAP_CHARS
                    && masked.text().substring(after, aside.start()).replace(',', ' ').isBlank()) {
                for (LifeDates.Fact fact : LifeDates.parse(aside.content())) {
                    out.add(new Triple(subject, fact.predicate(), fact.value()));
                }
                return;
            }
        }
    }
}
