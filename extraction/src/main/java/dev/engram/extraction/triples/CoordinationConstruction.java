package dev.engram.extraction.triples;

/**
 * "directed by A and B", "starring A, B and C": the next coordinated phrase is another object of the last
 * relation; "is an American actor and the second son of Dick Van Dyke" another complement of the copula. An
 * opening "Dai Jitao or Tai Chi-t'ao was ..." names one person twice: an {@link AlternativeName}.
 */
final class CoordinationConstruction implements Construction {

    @Override
    public int read(int a, Gap gap, Walk w) {
        if (AlternativeName.read(a, w)) {
            return a;
        }
        coordinate(a, w);
        return a;
    }

    /** Phrase {@code a + 1} continues the list phrase {@code a} is in (also the comma of "A, B and C"). */
    static void coordinate(int a, Walk w) {
        SentenceView v = w.view;
        Phrase next = v.arg(a + 1);
        if (!v.named(next) && v.followedByOf(next)) {
            // "is an American actor and the second son of Dick Van Dyke"
            if (w.lastSubject != null && a == w.lastObject && w.copulaVerb != null && w.lastSubject.equals(w.copulaSubject)
                    && a + 2 < v.args() && !v.isPronoun(v.arg(a + 2))) {
                w.emit(w.lastSubject, w.copulaVerb + " " + SentenceView.withDeterminer(next) + " of", v.arg(a + 2),
                        a + 2, null);
            } else {
                w.forgetRelation();
            }
            return;
        }
        boolean describedAgent = w.lastPredicate != null && w.lastPredicate.endsWith(" by") && !v.named(next)
                && (next.determiner().equals("the") || SentenceView.indefinite(next));
        if (a == w.lastObject && w.lastSubject != null && !v.isPronoun(next) && !next.possessive()
                && !v.startsClause(a + 1) && !describedAgent) { // "by Rob Zombie, and the sequel to": not an agent
            w.emit(w.lastSubject, w.lastPredicate, next, a + 1, w.lastVerbPart);
            if (a == w.copulaComplement && w.complementIsHead && next.common() && !next.text().endsWith("-")) {
                // "is a restaurant chain and franchise based in Y": the complement goes on
                w.copulaComplement = a + 1;
                w.complementChain = a + 1;
            }
        } else {
            w.forgetRelation();
        }
    }
}
