package dev.engram.extraction.triples;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coordinated verbs sharing their preposition and object: "directed and produced by" → "directed by",
 * "produced by"; "was born and raised in" → "was born in", "was raised in"; "written, composed, and performed by"
 * → three. Other predicates stand as they are.
 */
final class PredicateDistribution {
    private PredicateDistribution() {}

    // "directed and produced by", "was born and raised in": verbs sharing their preposition and object
    private static final Pattern COORDINATED_VERBS = Pattern.compile("^((?:[a-z]+ ){0,2}?)"
            + "([a-z-]+(?: ?, [a-z-]+){0,3}(?: ?,)? and [a-z-]+)((?: (?:up|out|down|back))?(?: (?:by|in|at|on))?)$");

    /** The predicates {@code predicate} stands for: itself, or one per coordinated verb. */
    static List<String> distribute(String predicate) {
        if (!predicate.contains(" and ")) {
            return List.of(predicate);
        }
        Matcher m = COORDINATED_VERBS.matcher(predicate);
        if (!m.matches()) {
            return List.of(predicate);
        }
        String head = m.group(1);
        List<String> verbs = new ArrayList<>(List.of(m.group(2).split("(?: ?, (?:and )?| and )")));
        String tail = m.group(3);
        StringBuilder aux = new StringBuilder();
        for (String word : head.strip().split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!WordList.AUXILIARIES.contains(word) && !word.endsWith("ly") && !word.equals("also")) {
                return List.of(predicate); // "wrote songs and produced": not a verb list
            }
            if (WordList.AUXILIARIES.contains(word)) {
                aux.append(word).append(' ');
            }
        }
        for (String verb : verbs) {
            if (WordList.AUXILIARIES.contains(verb) || !verb.matches("[a-z][a-z-]*")) {
                return List.of(predicate);
            }
        }
        String particle = tail.replaceFirst(" (by|in|at|on)$", "");
        String preposition = tail.substring(particle.length());
        List<String> out = new ArrayList<>(verbs.size());
        for (int v = 0; v < verbs.size(); v++) {
            String verb = verbs.get(v);
            boolean last = v == verbs.size() - 1;
            String prefix = v == 0 ? head : pastParticiple(verb) ? aux.toString() : "";
            out.add(prefix + verb + (last ? tail : preposition));
        }
        return out;
    }

    static boolean pastParticiple(String verb) {
        return verb.endsWith("ed") || verb.endsWith("en") || verb.endsWith("wn") || verb.endsWith("ung")
                || WordList.IRREGULAR_PARTICIPLES.contains(verb);
    }
}
