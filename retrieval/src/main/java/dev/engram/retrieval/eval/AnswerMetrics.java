package dev.engram.retrieval.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Answer exact match and token F1 as the official SQuAD and HotpotQA evaluation scripts compute them: both sides
 * normalized (lowercase, ASCII punctuation removed, articles a/an/the removed, whitespace collapsed), the best score
 * over the gold answers.
 */
public final class AnswerMetrics {
    private AnswerMetrics() {}

    // Python's string.punctuation, which the official scripts strip; other Unicode punctuation stays, as there.
    private static final Pattern PUNCTUATION = Pattern.compile("[!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]");
    private static final Pattern ARTICLES = Pattern.compile("(?U)\\b(a|an|the)\\b");
    private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");
    // HotpotQA: a yes/no answer earns F1 only when it equals the gold exactly, never through token overlap.
    private static final Set<String> SPECIAL = Set.of("yes", "no", "noanswer");

    /** The normalized form both sides are compared in. */
    public static String normalize(String text) {
        if (text == null) return "";
        String lower = text.toLowerCase(Locale.ROOT);
        String noPunctuation = PUNCTUATION.matcher(lower).replaceAll("");
        String noArticles = ARTICLES.matcher(noPunctuation).replaceAll(" ");
        return WHITESPACE.matcher(noArticles).replaceAll(" ").strip();
    }

    /** 1 when the normalized prediction equals the normalized gold, else 0. */
    public static double exactMatch(String prediction, String gold) {
        return normalize(prediction).equals(normalize(gold)) ? 1 : 0;
    }

    /** The best exact match over the gold answers; 0 without any. */
    public static double exactMatch(String prediction, List<String> golds) {
        return golds.stream().mapToDouble(g -> exactMatch(prediction, g)).max().orElse(0);
    }

    /** Harmonic mean of token precision and recall between the normalized prediction and gold. */
    public static double f1(String prediction, String gold) {
        String p = normalize(prediction);
        String g = normalize(gold);
        if ((SPECIAL.contains(p) || SPECIAL.contains(g)) && !p.equals(g)) return 0;
        List<String> predicted = tokens(p);
        List<String> expected = tokens(g);
        // SQuAD 2.0: when either side has no tokens, F1 is whether both are empty.
        if (predicted.isEmpty() || expected.isEmpty()) return predicted.isEmpty() && expected.isEmpty() ? 1 : 0;
        Map<String, Integer> remaining = new HashMap<>();
        for (String t : expected) remaining.merge(t, 1, Integer::sum);
        int common = 0;
        for (String t : predicted) {
            Integer left = remaining.get(t);
            if (left != null && left > 0) {
                remaining.put(t, left - 1);
                common++;
            }
        }
        if (common == 0) return 0;
        double precision = (double) common / predicted.size();
        double recall = (double) common / expected.size();
        return 2 * precision * recall / (precision + recall);
    }

    /** The best F1 over the gold answers; 0 without any. */
    public static double f1(String prediction, List<String> golds) {
        return golds.stream().mapToDouble(g -> f1(prediction, g)).max().orElse(0);
    }

    private static List<String> tokens(String normalized) {
        return normalized.isEmpty() ? List.of() : List.of(WHITESPACE.split(normalized));
    }
}
