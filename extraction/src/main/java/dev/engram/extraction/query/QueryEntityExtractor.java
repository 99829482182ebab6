package dev.engram.extraction.query;

import dev.engram.extraction.triples.EnglishTagger;
import dev.engram.records.triples.EntityNormalizer;
import dev.engram.extraction.triples.NounPhraseChunker;
import dev.engram.extraction.triples.Phrase;
import dev.engram.extraction.triples.TaggedSentence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule-based candidate entity mentions in a question: quoted titles, capitalised sequences ("Aas Ka Panchhi",
 * "Lothair Ii") and noun phrases from the same POS patterns the triple extractor uses. Thread-safe.
 */
public final class QueryEntityExtractor {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]{2,120})\"|“([^”]{2,120})”|``(.{2,120}?)''");
    private static final Set<String> CONNECTORS = Set.of("of", "the", "de", "la", "le", "von", "van", "da", "di",
            "del", "du", "des", "and", "&", "for");
    private static final Set<String> QUESTION_WORDS = Set.of("who", "whom", "whose", "what", "which", "when",
            "where", "why", "how", "is", "are", "was", "were", "did", "do", "does", "in", "on", "at", "the", "a",
            "an", "of", "for", "from", "by", "to", "as", "and", "or", "that", "this", "these", "those", "name");
    // words a question uses for the kind of answer, not for an entity
    private static final Set<String> GENERIC = Set.of("year", "years", "date", "time", "place", "person", "people",
            "country", "city", "state", "name", "one", "first", "last", "number", "many", "much", "film", "movie",
            "song", "album", "band", "book", "novel", "company", "team", "director", "performer", "author", "singer",
            "mother", "father", "spouse", "wife", "husband", "son", "daughter", "child", "children", "birth",
            "death", "founder", "member", "capital", "population", "location", "head", "creator", "part", "end",
            "start", "area", "size", "age", "role", "work", "show", "series", "organization", "group", "body",
            "language", "county", "river", "sibling", "brother", "sister", "cast", "most", "nationality");

    private final EnglishTagger tagger;
    private final NounPhraseChunker chunker = new NounPhraseChunker();
    private final EntityNormalizer normalizer = new EntityNormalizer();

    /** An extractor over its own copy of the OpenNLP models. */
    public QueryEntityExtractor() {
        this(new EnglishTagger());
    }

    /** An extractor sharing {@code tagger}'s models (with a {@code RuleTripleExtractor}, say). */
    public QueryEntityExtractor(EnglishTagger tagger) {
        this.tagger = tagger;
    }

    /** Candidate mentions in {@code question}, in order of appearance, deduplicated by normalized form. */
    public List<String> extract(String question) {
        if (question == null || question.isBlank()) {
            return List.of();
        }
        List<Mention> mentions = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(question);
        while (quoted.find()) {
            int group = quoted.group(1) != null ? 1 : quoted.group(2) != null ? 2 : 3;
            mentions.add(new Mention(quoted.start(group), quoted.group(group).strip()));
        }
        TaggedSentence s = tagger.tagSentence(question, 0, question.length());
        capitalisedRuns(s, mentions);
        for (Phrase phrase : chunker.chunk(s)) {
            String text = phrase.text().strip();
            if (phrase.proper() || phrase.numeric() || !GENERIC.contains(text.toLowerCase(Locale.ROOT))) {
                mentions.add(new Mention(s.starts()[phrase.start()], text));
            }
        }
        mentions.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
        List<String> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Mention mention : mentions) {
            String text = trimPunctuation(mention.text());
            String key = normalizer.normalize(text);
            if (!key.isEmpty() && !QUESTION_WORDS.contains(key) && seen.add(key)) {
                result.add(text);
            }
        }
        return List.copyOf(result);
    }

    private record Mention(int offset, String text) {}

    // "Which film was released first, Aas Ka Panchhi or Phoolwari?": capitalised words in a row, whatever the
    // tagger made of them; the question's own first word does not count
    private static void capitalisedRuns(TaggedSentence s, List<Mention> out) {
        int i = 0;
        while (i < s.size()) {
            if (!startsRun(s, i)) {
                i++;
                continue;
            }
            int end = i + 1;
            int last = i;
            while (end < s.size()) {
                String t = s.token(end);
                if (capitalised(t) || Character.isDigit(t.codePointAt(0)) && last == end - 1) {
                    last = end;
                    end++;
                } else if (CONNECTORS.contains(t) && end + 1 < s.size()
                        && (capitalised(s.token(end + 1)) || s.token(end + 1).equals("the") && end + 2 < s.size()
                        && capitalised(s.token(end + 2)))) {
                    end++;
                } else {
                    break;
                }
            }
            String text = s.surface(i, last + 1);
            if (text.endsWith("'s") || text.endsWith("’s")) {
                text = text.substring(0, text.length() - 2);
            }
            out.add(new Mention(s.starts()[i], text));
            i = last + 1;
        }
    }

    private static boolean startsRun(TaggedSentence s, int i) {
        String t = s.token(i);
        if (!capitalised(t)) {
            return false;
        }
        return i > 0 || !QUESTION_WORDS.contains(t.toLowerCase(Locale.ROOT)) && s.tag(i).equals("PROPN");
    }

    private static boolean capitalised(String token) {
        return !token.isEmpty() && Character.isUpperCase(token.codePointAt(0));
    }

    private static String trimPunctuation(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && !Character.isLetterOrDigit(text.codePointAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(text.codePointBefore(end)) && text.charAt(end - 1) != ')'
                && text.charAt(end - 1) != '.') {
            end--;
        }
        return text.substring(start, end);
    }
}
