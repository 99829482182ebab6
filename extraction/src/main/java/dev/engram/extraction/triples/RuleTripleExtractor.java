package dev.engram.extraction.triples;

import dev.engram.records.triples.Triple;
import dev.engram.records.triples.EntityNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Offline triple extraction: OpenNLP sentences, tokens and POS tags under ReVerb-style patterns, with
 * encyclopaedic conventions (life dates in brackets, "he"/"the film" meaning the title). Precision first:
 * a fact whose subject cannot be named is dropped. Thread-safe.
 */
public final class RuleTripleExtractor implements TripleExtractor {

    private static final int MAX_GAP_CHARS = 3;
    // a "wife" or "son" is one only of someone: without the someone the fact says nothing
    private static final Set<String> RELATIONAL = Set.of("wife", "husband", "son", "daughter", "father", "mother",
            "brother", "sister", "friend", "roommate", "partner", "colleague", "cousin", "uncle", "aunt", "nephew",
            "niece", "grandson", "granddaughter", "grandfather", "grandmother", "child", "children", "parents",
            "member", "members", "student", "successor", "predecessor", "boyfriend", "girlfriend", "fiancée",
            "fiance", "widow", "stepson", "stepdaughter", "name", "title", "word", "term", "city", "town",
            "village", "state", "country", "county", "river", "district", "province", "region", "area", "year",
            "season", "team", "club", "album", "song", "single", "film", "movie", "novel", "book", "series",
            "episode", "show");

    private final EnglishTagger tagger;
    private final NounPhraseChunker chunker = new NounPhraseChunker();
    private final EntityNormalizer normalizer = new EntityNormalizer();
    private final Constructions constructions;

    /** An extractor over its own copy of the OpenNLP models. */
    public RuleTripleExtractor() {
        this(new EnglishTagger());
    }

    /** An extractor sharing {@code tagger}'s models. */
    public RuleTripleExtractor(EnglishTagger tagger) {
        this(tagger, Constructions.standard());
    }

    /** An extractor reading the gaps between phrases with {@code constructions} (tests isolate one with it). */
    RuleTripleExtractor(EnglishTagger tagger, Constructions constructions) {
        this.tagger = tagger;
        this.constructions = constructions;
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
        String previousSubject = null;
        for (TaggedSentence tagged : sentences) {
            TaggedSentence sentence = TagRepairs.repair(tagged);
            List<Phrase> args = arguments(sentence, titleSpans);
            if (context == null) {
                context = TitleContext.of(title, sentence, args, normalizer);
            }
            lifeDates(sentence, args, masked, context, triples);
            descriptions(sentence, args, context, triples);
            SentenceRelations relations = new SentenceRelations(
                    new SentenceView(sentence, args, context, normalizer, previousSubject), constructions, triples);
            relations.read();
            String named = relations.namedSubject();
            // only a name carries over: "he" after a sentence about the title is the title already
            previousSubject = named != null && !named.equals(context.title()) ? named : null;
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

    // "psychologist Carl Rogers" → (Carl Rogers, is a, psychologist); "the 2012 film "Tai Chi Zero"" likewise
    private void descriptions(TaggedSentence sentence, List<Phrase> args, TitleContext context, List<Triple> out) {
        for (int i = 0; i < args.size(); i++) {
            Phrase phrase = args.get(i);
            String description = phrase.descriptor();
            if (description.isEmpty() && i > 0 && args.get(i - 1).common() && phrase.proper()
                    && onlyQuotesBetween(sentence, args.get(i - 1).end(), phrase.start())
                    && !args.get(i - 1).possessive()) {
                description = args.get(i - 1).text();
            }
            String last = lastWord(description);
            if (description.isEmpty() || last.length() < 4 || !last.chars().allMatch(Character::isLetter)
                    || phrase.possessive() || phrase.determiner().equals("his")
                    || phrase.determiner().equals("her") || phrase.determiner().equals("their")
                    || phrase.determiner().equals("its") || RELATIONAL.contains(last)) {
                continue;
            }
            String name = context.resolve(phrase);
            out.add(new Triple(name != null ? name : phrase.text(), "is a", description));
        }
    }

    private static boolean onlyQuotesBetween(TaggedSentence s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int k = from; k < to; k++) {
            String t = s.token(k);
            if (!(t.equals("\"") || t.equals("``") || t.equals("“"))) {
                return false;
            }
        }
        return true;
    }

    private static String lastWord(String text) {
        return text.substring(text.lastIndexOf(' ') + 1).toLowerCase(java.util.Locale.ROOT);
    }

    // "Teutberga (died 11 November 875) was ..." → (Teutberga, died on, 11 November 875); any named phrase
    // directly followed by a life-dates aside gets them
    private static void lifeDates(TaggedSentence sentence, List<Phrase> args, MaskedText masked, TitleContext context,
                                  List<Triple> out) {
        if (masked.parentheticals().isEmpty()) {
            return;
        }
        for (Phrase phrase : args) {
            String subject = context.resolve(phrase);
            if (subject == null && phrase.proper() && phrase.determiner().isEmpty()) {
                subject = phrase.text();
            }
            if (subject == null) {
                continue;
            }
            int after = sentence.ends()[phrase.end() - 1];
            for (Parenthetical aside : masked.parentheticals()) {
                if (aside.start() >= after && aside.start() - after <= MAX_GAP_CHARS
                        && masked.text().substring(after, aside.start()).replace(',', ' ').isBlank()) {
                    for (LifeDates.Fact fact : LifeDates.parse(aside.content())) {
                        out.add(new Triple(subject, fact.predicate(), fact.value()));
                    }
                    break;
                }
            }
        }
    }
}
