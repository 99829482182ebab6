package dev.engram.extraction.triples;

/**
 * "a REL b", ReVerb's VW*P: "is the capital of France" folds the light noun into the relation, "X is a Y" adds
 * what kind of thing X is, a coordinated subject repeats the fact, and a copula's complement is remembered for
 * the participles and appositions that may follow it. An opening "the editor is X" or "her father was Y" about
 * the passage's title is its {@link TitleAttribute}.
 */
final class VerbalConstruction implements Construction {
    private static final int MAX_FOLDED_NOUN_TOKENS = 4;

    @Override
    public int read(int a, Gap gap, Walk w) {
        SentenceView v = w.view;
        Phrase right = v.arg(a + 1);
        String subject = SubjectResolver.subjectFor(a, gap, w);
        if (subject == null) {
            w.forgetRelation();
            return a;
        }
        if (TitleAttribute.read(a, gap, w)) {
            return a + 1;
        }
        // "released by Epic Records in 1982": the agent is the object, not a noun to fold into the relation
        boolean agent = right.proper() && !v.followedByOf(right)
                && (gap.predicate().endsWith(" by") || gap.predicate().equals("by"));
        if (!v.named(right) && !agent && !right.possessive() && right.length() <= MAX_FOLDED_NOUN_TOKENS + 1
                && a + 2 < v.args() && !v.isPronoun(right)) {
            Gap next = v.gapAfter(a + 1);
            Phrase object = v.arg(a + 2);
            if (next.kind() == Gap.Kind.ADP && !v.isPronoun(object)) {
                String predicate = gap.predicate() + " " + SentenceView.withDeterminer(right) + " " + next.predicate();
                w.emit(subject, predicate, object, a + 2, null);
                if (gap.copula() && SentenceView.indefinite(right)) {
                    w.emitSilently(subject, gap.predicate() + " a", right); // and what kind of thing it is
                }
                if (gap.copula()) {
                    w.copula(a + 2, false, subject, gap.predicate());
                }
                w.clauseSubject = w.clauseSubject == null ? subject : w.clauseSubject;
                return a + 1;
            }
        }
        if (v.isPronoun(right) || right.possessive() || !right.proper() && v.followedByOf(right)) {
            w.forgetRelation();
            return a;
        }
        String predicate = gap.predicate();
        if (gap.copula() && SentenceView.indefinite(right)) {
            predicate = predicate + " a";
        }
        w.emit(subject, predicate, right, a + 1, gap.copula() ? null : verbPart(predicate));
        String coSubject = SubjectResolver.coordinatedSubject(a, gap, w);
        if (coSubject != null) {
            w.emitSilently(coSubject, predicate, right);
        }
        if (gap.copula()) {
            w.copula(a + 1, true, subject, gap.predicate());
        }
        if (w.clauseSubject == null) {
            w.clauseSubject = subject;
        }
        return a;
    }

    // "was born in" → "was born": the verb to reuse with the next preposition
    static String verbPart(String predicate) {
        int space = predicate.lastIndexOf(' ');
        if (space < 0) {
            return predicate;
        }
        String last = predicate.substring(space + 1);
        return WordList.RELATION_PREPOSITIONS.contains(last) ? predicate.substring(0, space) : predicate;
    }
}
