package dev.engram.retrieval.decompose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Recognises comparison questions offline — "Which was formed first, Hole or The Cure?", "Are Hole and The Cure both
 * bands?" — from the names the tagger finds (mentions with a capital or digit) joined by "or", "and" or "vs", and
 * splits them into one question per name: the question with the other name taken out. "and" counts only in a yes/no
 * question or one with "both", so "the director of X and Y" style conjunctions inside a name are left alone.
 */
public final class QuestionDecomposer {
    private static final Pattern OR = Pattern.compile("^\\s*,?\\s*(or|vs\\.?|versus)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern AND = Pattern.compile("^\\s*,?\\s*(and|&)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern YES_NO = Pattern.compile(
            "^(are|were|is|was|do|did|does|have|has|can|could)\\b.*", Pattern.CASE_INSENSITIVE);

    private static final Pattern JOINED = Pattern.compile("(.+?)\\s+(?:and|or|&)\\s+(.+)");

    private final Function<String, List<String>> mentions;

    /** A decomposer over the mentions {@code mentions} finds in a question. */
    public QuestionDecomposer(Function<String, List<String>> mentions) {
        this.mentions = mentions;
    }

    /** The parts of a comparison question, or {@link SubQuestions#NONE}. */
    public SubQuestions split(String question) {
        List<Found> names = new ArrayList<>();
        int from = 0;
        for (String m : names(mentions.apply(question))) {
            int at = question.indexOf(m, from);
            if (at >= 0) {
                names.add(new Found(m, at));
                from = at + m.length();
            }
        }
        boolean andCounts = YES_NO.matcher(question.strip()).matches()
                || question.toLowerCase(Locale.ROOT).contains("both");
        for (int i = 0; i + 1 < names.size(); i++) {
            Found a = names.get(i);
            Found b = names.get(i + 1);
            String between = question.substring(a.end(), b.at());
            if (OR.matcher(between).matches() || (andCounts && AND.matcher(between).matches())) {
                String withoutB = (question.substring(0, a.end()) + question.substring(b.end())).strip();
                String withoutA = (question.substring(0, a.at()) + question.substring(b.at())).strip();
                return new SubQuestions("comparison", List.of(withoutB, withoutA));
            }
        }
        return SubQuestions.NONE;
    }

    // the tagger joins capitalised runs over "and" ("Ed Wood and Scott Derrickson"): two names, for a comparison
    private static List<String> names(List<String> found) {
        List<String> out = new ArrayList<>();
        for (String m : found) {
            java.util.regex.Matcher joined = JOINED.matcher(m);
            if (joined.matches() && named(joined.group(1)) && named(joined.group(2))) {
                out.add(joined.group(1));
                out.add(joined.group(2));
            } else if (named(m)) {
                out.add(m);
            }
        }
        return out;
    }

    private static boolean named(String mention) {
        return mention.chars().anyMatch(c -> Character.isUpperCase(c) || Character.isDigit(c));
    }

    private record Found(String text, int at) {
        int end() {
            return at + text.length();
        }
    }
}
