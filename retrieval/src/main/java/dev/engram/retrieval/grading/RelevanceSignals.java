package dev.engram.retrieval.grading;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the pipeline knows about one retrieved passage's relevance.
 *
 * @param cos        cosine of the passage's embedding to the question's (0 when it has none)
 * @param cosGap     {@code cos} minus the best cosine among the returned passages (at most 0)
 * @param lexical    share of the question's content words the passage (title and text) contains
 * @param names      mean share of each named mention's words the passage contains (0 when the question names none)
 * @param hasNames   1 when the question names something, else 0
 * @param rank       1 / (1 + the passage's rank), 1 for the first passage
 * @param scoreShare the passage's retrieval score over the first passage's (PPR mass in graph modes, cosine in dense)
 */
public record RelevanceSignals(double cos, double cosGap, double lexical, double names, double hasNames, double rank,
                               double scoreShare) {
    private static final List<String> NAMES = List.of("cos", "cosGap", "lexical", "names", "hasNames", "rank",
            "scoreShare");

    /** The signals of a passage at {@code rank} (0-based). */
    static RelevanceSignals of(QuestionTerms terms, String title, String text, double cos, double bestCos, int rank,
                               double score, double topScore) {
        Set<String> words = QuestionTerms.tokens((title == null ? "" : title) + " " + (text == null ? "" : text));
        double lexical = share(terms.words(), words);
        double names = 0;
        for (Set<String> name : terms.names()) {
            names += share(name, words);
        }
        names = terms.names().isEmpty() ? 0 : names / terms.names().size();
        return new RelevanceSignals(cos, cos - bestCos, lexical, names, terms.names().isEmpty() ? 0 : 1,
                1.0 / (1 + rank), topScore > 0 ? Math.max(0, score) / topScore : 0);
    }

    private static double share(Set<String> wanted, Set<String> present) {
        if (wanted.isEmpty()) {
            return 0;
        }
        int found = 0;
        for (String w : wanted) {
            found += present.contains(w) ? 1 : 0;
        }
        return found / (double) wanted.size();
    }

    /** The signals in model order. */
    double[] vector() {
        return new double[] {cos, cosGap, lexical, names, hasNames, rank, scoreShare};
    }

    /** The signals by name, in model order, for {@code --explain} and traces. */
    public Map<String, Double> asMap() {
        double[] values = vector();
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(NAMES.get(i), values[i]);
        }
        return m;
    }
}
