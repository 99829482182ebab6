package dev.engram.extraction.triples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds noun phrases from POS patterns: optional determiner, then adjectives, numbers and nouns ending in a
 * noun or number. Proper names may hold "of", "the", "for", "de"... between capitalised words ("University of
 * Oxford", "The Lord of the Rings"); quoted titles are one phrase; "11 November 875" and "November 11, 875" are
 * one phrase. Stateless and thread-safe.
 */
public final class NounPhraseChunker {

    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "this", "that", "these", "those",
            "its", "his", "her", "their", "our", "my", "your");
    private static final Set<String> NAME_CONNECTORS = Set.of("of", "for", "the", "de", "del", "della", "da", "di",
            "du", "des", "von", "van", "der", "den", "la", "le", "y", "&");
    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december");
    private static final Set<String> OPEN_QUOTES = Set.of("\"", "``", "“", "‘");
    private static final Set<String> CLOSE_QUOTES = Set.of("\"", "''", "”", "’");
    private static final int MAX_QUOTED_TOKENS = 10;
    private static final Set<String> RELATION_WORDS = Set.of("starring", "featuring", "including", "called",
            "named", "titled", "entitled", "located", "born", "based", "known", "co-starring", "been", "being");

    /** The noun phrases of {@code s}, left to right, non-overlapping. */
    public List<Phrase> chunk(TaggedSentence s) {
        List<Phrase> phrases = new ArrayList<>();
        int i = 0;
        while (i < s.size()) {
            Phrase quoted = quoted(s, i);
            if (quoted != null) {
                phrases.add(quoted);
                i = quoted.end() + 1;
                continue;
            }
            Phrase phrase = phraseAt(s, i);
            if (phrase == null) {
                i++;
            } else {
                phrases.add(phrase);
                i = phrase.end();
            }
        }
        return phrases;
    }

    /** Whether the token at {@code i} looks like part of a name: tagged PROPN, or capitalised noun/adjective. */
    static boolean properish(TaggedSentence s, int i) {
        String tag = s.tag(i);
        if (tag.equals("PROPN")) {
            return true;
        }
        if (!capitalised(s.token(i))) {
            return false;
        }
        if (i == 0 && (s.size() < 2 || !capitalised(s.token(1)))) {
            return false; // "Other duties", "Many films": a capital that only opens the sentence
        }
        // sentence-initial capitals are weak evidence; the tagger's own noun/adjective call must back them
        return switch (tag) {
            case "NOUN", "ADJ", "X", "NUM" -> true;
            case "VERB" -> i > 0 && capitalised(s.token(i - 1));
            default -> false;
        };
    }

    static boolean capitalised(String token) {
        return !token.isEmpty() && Character.isUpperCase(token.codePointAt(0));
    }

    private static boolean nominal(TaggedSentence s, int i) {
        String tag = s.tag(i);
        return tag.equals("NOUN") || tag.equals("PROPN") || tag.equals("NUM") || properish(s, i)
                || hyphenTail(s, i);
    }

    private static boolean modifier(TaggedSentence s, int i) {
        if (RELATION_WORDS.contains(s.token(i))) {
            return false; // the tagger calls "starring" a noun now and then; it opens a relation
        }
        return s.tag(i).equals("ADJ") || nominal(s, i);
    }

    // OpenNLP sometimes splits "Wiley-Blackwell" as "Wiley" "-Blackwell"
    private static boolean hyphenTail(TaggedSentence s, int i) {
        String t = s.token(i);
        return t.length() > 1 && t.charAt(0) == '-' && Character.isLetter(t.charAt(1)) && i > 0
                && s.starts()[i] == s.ends()[i - 1];
    }

    private static boolean hyphen(String token) {
        return token.equals("-") || token.equals("–") || token.equals("‐");
    }

    private static boolean word(TaggedSentence s, int i) {
        String t = s.token(i);
        return !t.isEmpty() && Character.isLetterOrDigit(t.codePointAt(0)) && !s.tag(i).equals("CCONJ")
                && !s.tag(i).equals("ADP") && !s.tag(i).equals("DET") && !s.tag(i).equals("AUX");
    }

    private Phrase phraseAt(TaggedSentence s, int start) {
        int i = start;
        String determiner = "";
        boolean only = false;
        String lower = s.token(i).toLowerCase(Locale.ROOT);
        if (DETERMINERS.contains(lower) && (s.tag(i).equals("DET") || s.tag(i).equals("PRON"))) {
            determiner = lower;
            i++;
            if (determiner.equals("the") && i + 1 < s.size() && s.token(i).equals("only")
                    && s.tag(i).equals("ADV") && (s.tag(i + 1).equals("ADJ") || s.tag(i + 1).equals("NOUN"))) {
                i++; // "the only high school": "only" tagged as an adverb stays in the phrase
                only = true;
            }
        }
        int bodyStart = i;
        int lastNominal = -1;
        boolean possessive = false;
        while (i < s.size()) {
            if (i == bodyStart + 1 && yearThenName(s, bodyStart)) {
                lastNominal = bodyStart;
                break;
            }
            if (modifier(s, i)) {
                if (nominal(s, i)) {
                    lastNominal = i;
                }
                if (s.possessive(i) || (i + 1 < s.size() && s.tag(i + 1).equals("PART")
                        && s.token(i + 1).startsWith("'"))) {
                    int next = s.possessive(i) ? i + 1 : i + 2;
                    if (next < s.size() && properish(s, next) && s.possessive(i)) {
                        i = next; // "Men's Studies Press": the possessive is part of the name
                        continue;
                    }
                    possessive = true;
                    i = next;
                    break;
                }
                i++;
            } else if (hyphen(s.token(i)) && i > bodyStart) {
                // "peer - reviewed journal", "Person - centered therapy"
                if (i + 1 < s.size() && word(s, i + 1)) {
                    i += 2;
                    lastNominal = nominal(s, i - 1) ? i - 1 : lastNominal;
                } else {
                    break;
                }
            } else if (i > bodyStart && properish(s, i - 1) && connectsName(s, i)) {
                i = skipConnectors(s, i);
            } else if (date(s, i)) {
                lastNominal = i + 1;
                i += 2;
            } else if (i > bodyStart && nounTaggedVerb(s, i, determiner)) {
                lastNominal = i; // "a 2017 American superhero film": "superhero" read as a verb
                i++;
            } else {
                break;
            }
        }
        if (lastNominal < 0 && i > bodyStart && (determiner.equals("a") || determiner.equals("an"))
                && s.tag(i - 1).equals("ADJ") && !capitalised(s.token(i - 1)) && participleThenPreposition(s, i)) {
            lastNominal = i - 1; // "a pedestrian mall located in", "a diocese located in": the head read as ADJ
        }
        if (lastNominal < 0) {
            return null;
        }
        if (lastNominal < i - 1 && !possessive && s.tag(i - 1).equals("ADJ") && participleThenPreposition(s, i)) {
            lastNominal = i - 1; // "a 1992 legal-suspense thriller written by": "thriller" read as an adjective
        }
        int end = possessive ? i : lastNominal + 1;
        int bodyEnd = possessive ? lastNominal + 1 : end;
        boolean proper = false;
        boolean numeric = false;
        for (int k = bodyStart; k < bodyEnd; k++) {
            proper |= properish(s, k) && !(k == 0 && !s.tag(k).equals("PROPN") && bodyEnd - bodyStart == 1);
            numeric |= s.tag(k).equals("NUM");
        }
        // a mid-sentence capitalised "The" belongs to a title ("directed The Lord of the Rings")
        boolean keepDeterminer = determiner.equals("the") && bodyStart - 1 > 0
                && capitalised(s.token(bodyStart - 1)) && proper;
        int textStart = keepDeterminer ? bodyStart - 1 : bodyStart;
        int name = trailingName(s, bodyStart, bodyEnd);
        String descriptor = "";
        if (name > bodyStart) {
            // "psychologist Carl Rogers", "American rock band Evanescence": the entity is the name
            descriptor = collapse(s.surface(bodyStart, name));
            textStart = name;
            determiner = determiner.equals("the") || determiner.equals("a") || determiner.equals("an")
                    ? "" : determiner;
        }
        String text = stripPossessive(collapse(s.surface(only && name <= bodyStart ? bodyStart - 1 : textStart,
                bodyEnd)));
        return new Phrase(start, end, text, keepDeterminer ? "" : determiner, proper, numeric && !proper
                || numeric && monthIn(s, bodyStart, bodyEnd), possessive, descriptor);
    }

    // a lowercase verb tag inside a noun phrase: between an adjective and a noun ("American superhero film"), or
    // a head noun before its participle ("a nature preserve owned and managed by")
    private static boolean nounTaggedVerb(TaggedSentence s, int i, String determiner) {
        String t = s.token(i);
        if (!s.tag(i).equals("VERB") || capitalised(t) || RELATION_WORDS.contains(t) || t.endsWith("ed")
                || t.endsWith("ing") || t.endsWith("en") || i + 1 >= s.size()) {
            return false;
        }
        String before = s.tag(i - 1);
        if (before.equals("ADJ") && s.tag(i + 1).equals("NOUN")) {
            return true;
        }
        return before.equals("NOUN") && (determiner.equals("a") || determiner.equals("an"))
                && participleThenPreposition(s, i + 1);
    }

    // "written by", "owned and managed by", "located in"
    private static boolean participleThenPreposition(TaggedSentence s, int i) {
        if (i + 1 >= s.size() || !s.tag(i).equals("VERB") || !s.token(i).endsWith("ed") && !s.token(i).endsWith("en")
                && !s.token(i).equals("born") && !s.token(i).equals("built") && !s.token(i).equals("made")) {
            return false;
        }
        String next = s.tag(i + 1);
        return next.equals("ADP") || next.equals("CCONJ") && i + 2 < s.size() && s.tag(i + 2).equals("VERB");
    }

    // "In 2011 China was ...": a year opening the sentence is not part of the name after it
    private static boolean yearThenName(TaggedSentence s, int i) {
        return i > 0 && i + 1 < s.size() && s.tag(i).equals("NUM") && s.token(i).length() == 4
                && s.tag(i - 1).equals("ADP") && s.tag(i + 1).equals("PROPN")
                && !MONTHS.contains(s.token(i + 1).toLowerCase(Locale.ROOT));
    }

    // the start of a run of PROPN tokens ending the phrase, right after a lowercase noun; -1 if none
    private static int trailingName(TaggedSentence s, int from, int to) {
        int k = to;
        while (k > from + 1 && s.tag(k - 1).equals("NUM") && s.tag(k - 2).equals("PROPN")) {
            k--; // "Wave 104.1"
        }
        while (k > from && (s.tag(k - 1).equals("PROPN") || s.tag(k - 1).equals("NOUN"))
                && capitalised(s.token(k - 1))) {
            k--;
        }
        if (k == to || k == from || !capitalised(s.token(k))) {
            return -1;
        }
        String before = s.token(k - 1);
        boolean lowerNoun = s.tag(k - 1).equals("NOUN") && !capitalised(before)
                || before.startsWith("-") || k >= 2 && hyphen(s.token(k - 2));
        return lowerNoun && !MONTHS.contains(s.token(k).toLowerCase(Locale.ROOT)) ? k : -1;
    }

    // blanked-out parentheticals leave runs of spaces inside a phrase
    static String collapse(String text) {
        return text.contains("  ") ? text.replaceAll("\\s+", " ") : text;
    }

    private static String stripPossessive(String text) {
        if (text.endsWith("'s") || text.endsWith("’s")) {
            return text.substring(0, text.length() - 2);
        }
        return text;
    }

    private static boolean monthIn(TaggedSentence s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (MONTHS.contains(s.token(k).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    // "November 11 , 875": the comma between day and year stays inside the date
    private static boolean date(TaggedSentence s, int i) {
        return i >= 2 && i + 1 < s.size() && s.token(i).equals(",") && s.tag(i - 1).equals("NUM")
                && MONTHS.contains(s.token(i - 2).toLowerCase(Locale.ROOT)) && s.tag(i + 1).equals("NUM")
                && s.token(i + 1).length() >= 3;
    }

    private static boolean connectsName(TaggedSentence s, int i) {
        if (!NAME_CONNECTORS.contains(s.token(i)) || s.token(i).equals("the")) {
            return false;
        }
        int next = skipConnectors(s, i);
        return next < s.size() && next > i && properish(s, next)
                && !MONTHS.contains(s.token(next).toLowerCase(Locale.ROOT));
    }

    private static int skipConnectors(TaggedSentence s, int i) {
        int k = i;
        // at most "of the": two connectors in a row
        while (k < s.size() && k - i < 2 && NAME_CONNECTORS.contains(s.token(k))) {
            k++;
        }
        return k;
    }

    private Phrase quoted(TaggedSentence s, int i) {
        if (!OPEN_QUOTES.contains(s.token(i)) || i + 1 >= s.size() || !capitalised(s.token(i + 1))) {
            return null;
        }
        for (int k = i + 2; k < s.size() && k <= i + MAX_QUOTED_TOKENS + 1; k++) {
            String t = s.token(k);
            if (CLOSE_QUOTES.contains(t) || t.equals("'")) {
                if (k == i + 1) {
                    return null;
                }
                String text = s.surface(i + 1, k).strip();
                if (text.endsWith(",")) {
                    text = text.substring(0, text.length() - 1);
                }
                // end points at the closing quote so the relation gap after it starts cleanly
                return new Phrase(i + 1, k, text, "", true, false, false);
            }
            if (t.equals(".") || t.equals(";")) {
                return null;
            }
        }
        return null;
    }
}
