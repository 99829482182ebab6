package dev.engram.app.server.overview;

import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;

/**
 * Picks the sentence of a passage that states a fact: the one naming most of the fact's entities (then most of
 * the predicate's words), the earliest on a tie. A whole passage is too long to read beside every edge.
 */
public final class SupportingSentence {
    /** Longest sentence returned, in characters (a run-on "sentence" is clipped with an ellipsis). */
    public static final int MAX_CHARS = 400;

    private SupportingSentence() {}

    /** The sentence of {@code text} that best supports a fact between {@code names} by {@code predicate}. */
    public static String pick(String text, List<String> names, String predicate) {
        if (text == null || text.isBlank()) {
            return "";
        }
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        it.setText(text);
        String best = null;
        int bestScore = -1;
        for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String sentence = text.substring(start, end).strip();
            int score = score(sentence, names, predicate);
            if (score > bestScore) {
                best = sentence;
                bestScore = score;
            }
        }
        String chosen = best == null ? text.strip() : best;
        return chosen.length() <= MAX_CHARS ? chosen : chosen.substring(0, MAX_CHARS - 1) + "…";
    }

    private static int score(String sentence, List<String> names, String predicate) {
        String lower = sentence.toLowerCase(Locale.ROOT);
        int score = 0;
        for (String name : names) {
            if (name != null && !name.isBlank() && lower.contains(name.toLowerCase(Locale.ROOT))) {
                score += 10;
            }
        }
        if (predicate != null) {
            for (String word : predicate.toLowerCase(Locale.ROOT).split("\\W+")) {
                if (word.length() > 2 && lower.contains(word)) {
                    score++;
                }
            }
        }
        return score;
    }
}
