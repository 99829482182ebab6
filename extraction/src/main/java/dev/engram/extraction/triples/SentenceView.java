package dev.engram.extraction.triples;

import dev.engram.records.triples.EntityNormalizer;
import java.util.List;
import java.util.Locale;

/**
 * What every construction reads and none changes: one tagged sentence, its noun phrases in order, the passage's
 * title context, the previous sentence's named subject, and the questions asked of them (is this phrase a name,
 * a pronoun, what entity does it stand for, what lies between two phrases).
 *
 * @param sentence        the tagged sentence
 * @param phrases         its noun phrases, in order
 * @param title           the passage's title context
 * @param normalizer      how names become entity ids
 * @param previousSubject the previous sentence's named subject, or null
 */
record SentenceView(TaggedSentence sentence, List<Phrase> phrases, TitleContext title, EntityNormalizer normalizer,
                    String previousSubject) {
    SentenceView {
        phrases = List.copyOf(phrases);
    }

    /** The noun phrase at {@code i}. */
    Phrase arg(int i) {
        return phrases.get(i);
    }

    /** Number of noun phrases. */
    int args() {
        return phrases.size();
    }

    /** The words between phrase {@code i} and phrase {@code i + 1}, classified. */
    Gap gapAfter(int i) {
        return Gap.between(sentence, phrases.get(i).end(), phrases.get(i + 1).start());
    }

    String token(int k) {
        return sentence.token(k);
    }

    boolean named(Phrase phrase) {
        for (int k = phrase.start(); k < phrase.end(); k++) {
            if (sentence.tag(k).equals("PROPN")) {
                return true;
            }
        }
        return false;
    }

    boolean isPronoun(Phrase phrase) {
        return phrase.length() == 1 && sentence.tag(phrase.start()).equals("PRON");
    }

    // "was a representation of our ancestors' shift": the object would be a fragment
    boolean followedByOf(Phrase phrase) {
        return phrase.end() < sentence.size() && sentence.token(phrase.end()).equals("of")
                && title.resolve(phrase) == null;
    }

    boolean endsClause(Phrase phrase) {
        if (phrase.end() >= sentence.size()) {
            return true;
        }
        String next = sentence.token(phrase.end());
        return next.equals(".") || next.equals(",") || next.equals(";");
    }

    // "..., and the editors are X": the phrase after "and" is a new subject, not another object
    boolean startsClause(int b) {
        if (b + 1 >= phrases.size()) {
            return false;
        }
        Gap gap = gapAfter(b);
        return gap.kind() == Gap.Kind.VERBAL && gap.finite() && !gap.afterComma() && !gap.conjoined();
    }

    boolean nextIsCoordinated(int b) {
        if (b + 1 >= phrases.size()) {
            return false;
        }
        Gap.Kind kind = gapAfter(b).kind();
        return kind == Gap.Kind.COORDINATION || kind == Gap.Kind.APPOSITION;
    }

    boolean isWho(int from) {
        for (int k = from; k < sentence.size() && k < from + 3; k++) {
            if (sentence.token(k).equalsIgnoreCase("who")) {
                return true;
            }
        }
        return false;
    }

    // "The first Soviet bomb was detonated on August 29, 1949": a described subject, kept only when the
    // sentence opens with it and the object is a name or a date, so the fact says something specific
    boolean specificCommon(Phrase subject, Phrase object) {
        return subject.common() && subject.determiner().isEmpty()
                && subject.start() == 0 && subject.length() >= 2
                && !isPronoun(object) && (named(object) || object.numeric());
    }

    /** The entity a phrase names as an argument: the title for title mentions and pronouns, else its text. */
    String argument(Phrase phrase) {
        String resolved = title.resolve(phrase);
        if (resolved != null) {
            return resolved;
        }
        if (isPronoun(phrase)) {
            return null;
        }
        return phrase.text();
    }

    /** A subject must name something: the title, or a phrase with a proper noun; "the branch" is not enough. */
    String subjectArgument(Phrase phrase) {
        boolean clauseInitial = phrase.start() == 0 || sentence.token(phrase.start() - 1).equals(",");
        String resolved = title.resolve(phrase, clauseInitial);
        if (resolved != null) {
            return resolved;
        }
        if (isPronoun(phrase) && previousSubject != null
                && WordList.PERSONAL_PRONOUNS.contains(phrase.text().toLowerCase(Locale.ROOT))) {
            return previousSubject; // "Hall ... . He believed": the person the last sentence was about
        }
        if (isPronoun(phrase) && previousSubject == null) {
            return title.unexplainedPronoun(phrase.text());
        }
        boolean owned = WordList.OWNER_DETERMINERS.contains(phrase.determiner());
        return phrase.proper() && !owned && !isPronoun(phrase) ? phrase.text() : null;
    }

    static String withDeterminer(Phrase phrase) {
        String noun = phrase.text().toLowerCase(Locale.ROOT);
        return phrase.determiner().isEmpty() ? noun : phrase.determiner() + " " + noun;
    }

    static String head(Phrase phrase) {
        String text = phrase.text().toLowerCase(Locale.ROOT);
        return text.substring(text.lastIndexOf(' ') + 1);
    }

    static boolean indefinite(Phrase phrase) {
        return phrase.determiner().equals("a") || phrase.determiner().equals("an");
    }
}
