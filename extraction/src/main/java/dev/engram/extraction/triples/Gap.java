package dev.engram.extraction.triples;

import java.util.Locale;
import java.util.Set;

/**
 * What stands between two noun phrases, classified: a verbal relation phrase (ReVerb's V | VP | VW*P),
 * a coordination (", and"), an appositive comma, a lone preposition, or nothing usable.
 *
 * @param kind        the classification
 * @param predicate   the relation phrase, lowercase, without a leading ", and" / ", who"; "" unless VERBAL or ADP
 * @param conjoined   the relation follows "and"/"but"/"or" and so shares the clause's subject
 * @param relative    the relation follows "who"/"which"/"that" and so is about the phrase before
 * @param finite      the relation has an auxiliary or a finite-looking verb, not only a participle
 * @param copula      the relation is only a form of "be" (with adverbs): "is", "was also"
 * @param afterComma  the gap opens with a comma: "X, created by Y," or "X, ..., is a Z"
 */
record Gap(Kind kind, String predicate, boolean conjoined, boolean relative, boolean finite, boolean copula,
           boolean afterComma) {

    /** How two neighbouring phrases relate. */
    enum Kind { VERBAL, COORDINATION, APPOSITION, ADP, NONE }

    private static final Gap NONE = new Gap(Kind.NONE, "", false, false, false, false, false);
    private static final Gap COORDINATION = new Gap(Kind.COORDINATION, "", false, false, false, false, false);
    private static final Gap APPOSITION = new Gap(Kind.APPOSITION, "", false, false, false, false, true);
    private static final Set<String> BE = Set.of("is", "was", "are", "were", "be", "been", "being", "'s");
    private static final Set<String> RELATIVES = Set.of("who", "which", "that", "whom");
    private static final Set<String> QUOTES = Set.of("\"", "``", "''", "“", "”", "'", "‘", "’");
    private static final int MAX_RELATION_TOKENS = 7;

    /** Classifies tokens {@code [from, to)} of {@code s}. */
    static Gap between(TaggedSentence s, int from, int to) {
        int i = from;
        int end = to;
        while (i < end && QUOTES.contains(s.token(i))) {
            i++;
        }
        while (end > i && QUOTES.contains(s.token(end - 1))) {
            end--;
        }
        if (i >= end) {
            return NONE;
        }
        boolean comma = false;
        boolean conjoined = false;
        boolean relative = false;
        if (s.token(i).equals(",")) {
            comma = true;
            i++;
        }
        if (i == end) {
            return comma ? APPOSITION : NONE;
        }
        if (s.tag(i).equals("CCONJ")) {
            String c = s.token(i).toLowerCase(Locale.ROOT);
            if (i + 1 == end && (c.equals("and") || c.equals("or"))) {
                return COORDINATION;
            }
            conjoined = true;
            i++;
        } else if (RELATIVES.contains(s.token(i).toLowerCase(Locale.ROOT))
                && (s.tag(i).equals("PRON") || s.tag(i).equals("DET"))) {
            relative = true;
            i++;
        }
        if (i == end) {
            return NONE;
        }
        if (s.tag(i).equals("ADP") && (comma || conjoined || relative)) {
            return NONE; // ", by investing in": an adverbial, not a relation of the phrase before
        }
        if (end - i > MAX_RELATION_TOKENS) {
            return NONE;
        }
        boolean verb = false;
        boolean aux = false;
        boolean onlyBe = true;
        for (int k = i; k < end; k++) {
            String tag = s.tag(k);
            String lower = s.token(k).toLowerCase(Locale.ROOT);
            switch (tag) {
                case "AUX" -> {
                    aux = true;
                    verb = true;
                    onlyBe &= BE.contains(lower);
                }
                case "VERB" -> {
                    verb = true;
                    onlyBe = false;
                }
                case "ADV", "PART", "ADP" -> {
                    if (tag.equals("ADP") || tag.equals("PART") && !lower.equals("not")) {
                        onlyBe = false;
                    }
                }
                case "DET" -> {
                    // only "is a", "was the": a determiner closing the relation, whose noun is the object
                    if (k != end - 1 || !(lower.equals("a") || lower.equals("an") || lower.equals("the"))) {
                        return NONE;
                    }
                }
                case "ADJ" -> {
                    if (!verb) {
                        return NONE;
                    }
                    onlyBe = false;
                }
                case "CCONJ" -> {
                    // "owned and operated by", "was born and grew up in": verbs sharing the objects
                    if (!verb || k + 1 >= end || !(s.tag(k + 1).equals("VERB") || s.tag(k + 1).equals("AUX")
                            || s.tag(k + 1).equals("ADV"))) {
                        return NONE;
                    }
                    onlyBe = false;
                }
                case "PUNCT" -> {
                    // "written, composed, and performed by": a list of verbs sharing the objects
                    boolean listed = lower.equals(",") && verb && k + 1 < end && (s.tag(k + 1).equals("VERB")
                            || s.tag(k + 1).equals("CCONJ") && k + 2 < end && s.tag(k + 2).equals("VERB"));
                    if (!listed || !s.tag(k - 1).equals("VERB")) {
                        return NONE;
                    }
                    onlyBe = false;
                }
                default -> {
                    return NONE;
                }
            }
        }
        if (!verb) {
            // "in", "largely through": a preposition continuing the last relation
            if (!comma && !conjoined && !relative && s.tag(end - 1).equals("ADP") && end - i <= 2
                    && (end - i == 1 || s.tag(i).equals("ADV"))) {
                return new Gap(Kind.ADP, s.token(end - 1).toLowerCase(Locale.ROOT), false, false, false, false,
                        false);
            }
            return NONE;
        }
        int first = i;
        while (first < end && s.tag(first).equals("ADV")) {
            first++;
        }
        if (comma && !conjoined && !relative && !aux && !s.tag(first).equals("VERB")) {
            return NONE;
        }
        boolean copula = onlyBe && aux;
        int predicateEnd = end;
        if (!copula && s.tag(end - 1).equals("DET")) {
            predicateEnd--; // "published in the" + quoted title: the article belongs to the title
        }
        if (predicateEnd == i) {
            return NONE;
        }
        String predicate = s.surface(i, predicateEnd).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (predicate.contains(",") && PredicateDistribution.distribute(predicate).size() < 2) {
            return NONE; // a comma inside the relation only lists verbs: "written, composed, and performed by"
        }
        if (copula && predicate.endsWith(" an")) {
            predicate = predicate.substring(0, predicate.length() - 1); // "is an", "is a": one predicate
        }
        // after a comma, a bare verb is a participial aside (", created by", ", broadcast since")
        boolean infinitive = s.token(first).equalsIgnoreCase("to");
        boolean finite = aux || !comma && !infinitive && (!participle(s.token(first)) || !s.tag(first).equals("VERB"));
        return new Gap(Kind.VERBAL, predicate, conjoined, relative, finite, copula, comma);
    }

    private static boolean participle(String token) {
        String t = token.toLowerCase(Locale.ROOT);
        return t.endsWith("ed") || t.endsWith("en") || t.endsWith("ing") || t.equals("known") || t.equals("born")
                || t.equals("made") || t.equals("built") || t.equals("held") || t.equals("led") || t.equals("set")
                || t.equals("run") || t.equals("won") || t.equals("sung") || t.equals("written") || t.equals("found");
    }
}
