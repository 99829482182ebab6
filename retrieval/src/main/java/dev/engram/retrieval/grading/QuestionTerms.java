package dev.engram.retrieval.grading;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of a question a relevant passage should share: its content words, and the words of each name it
 * mentions (a mention with a capital or a digit, from the same tagger that links names to entities).
 */
public record QuestionTerms(Set<String> words, List<Set<String>> names) {
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> STOP = Set.of("the", "a", "an", "of", "in", "on", "at", "to", "for", "from",
            "by", "with", "and", "or", "but", "is", "are", "was", "were", "be", "been", "being", "did", "do", "does",
            "has", "have", "had", "who", "whom", "whose", "what", "which", "when", "where", "why", "how", "that",
            "this", "these", "those", "it", "its", "as", "than", "then", "there", "their", "his", "her", "he", "she",
            "they", "them", "also", "both", "same", "more", "most", "much", "many", "other", "not", "into", "about",
            "after", "before", "between", "during", "name", "named", "one", "ones", "any", "all", "can", "could",
            "would", "should", "will", "whether", "either");

    public QuestionTerms {
        words = Set.copyOf(words);
        names = names.stream().map(Set::copyOf).toList();
    }

    /** The terms of {@code question}, given the mentions the tagger found in it. */
    public static QuestionTerms of(String question, List<String> mentions) {
        List<Set<String>> names = new ArrayList<>();
        for (String mention : mentions) {
            if (mention.chars().anyMatch(c -> Character.isUpperCase(c) || Character.isDigit(c))) {
                Set<String> w = content(mention);
                if (!w.isEmpty() && !names.contains(w)) {
                    names.add(w);
                }
            }
        }
        return new QuestionTerms(content(question), names);
    }

    /** The lower-cased words of a text, without stop words. */
    static Set<String> content(String text) {
        Set<String> out = new HashSet<>();
        for (String w : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (w.length() > 1 && !STOP.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /** All lower-cased words of a text. */
    static Set<String> tokens(String text) {
        Set<String> out = new HashSet<>();
        for (String w : NON_WORD.split(text == null ? "" : text.toLowerCase(Locale.ROOT))) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
