package dev.engram.extraction.triples;

/**
 * Whose relation a verb after phrase {@code a} states: the clause's subject for a conjoined verb, the copula's
 * subject for a participle describing its complement ("X is a journal published by Y": Y published X), the
 * subject interrupted by an aside ("X, created by Y, was ..."), the head of "the son of X", or the phrase itself
 * when it names something.
 */
final class SubjectResolver {
    private SubjectResolver() {}

    static String subjectFor(int a, Gap gap, Walk w) {
        SentenceView v = w.view;
        Phrase left = v.arg(a);
        if (gap.conjoined()) {
            return w.clauseSubject;
        }
        if (w.aliases[a] != null) {
            return w.aliases[a];
        }
        boolean prepositionObject = a > 0 && a != w.lastObject && v.gapAfter(a - 1).kind() == Gap.Kind.ADP;
        if (gap.relative()) {
            if (a == w.copulaComplement && w.copulaSubject != null && v.isWho(left.end())) {
                return w.remember(w.copulaSubject, gap); // "X is a diver from Canada, who represented ..."
            }
            return w.remember(v.subjectArgument(prepositionObject ? v.arg(a - 1) : left), gap);
        }
        if (a == w.copulaComplement && !gap.finite()
                || gap.afterComma() && !gap.finite() && w.copulaSubject != null) {
            return w.copulaSubject; // "X is a journal published by Y": Y published X, not the journal
        }
        if (a == w.complementChain && !gap.finite() && w.copulaSubject != null && describing(gap)) {
            return w.copulaSubject; // "X is a former institute for business in New York City founded in 1909"
        }
        if (gap.afterComma() && !gap.finite() && a > 0 && agentOf(a, v) && (gap.predicate().endsWith(" by")
                || gap.predicate().equals("starring") || gap.predicate().equals("featuring"))) {
            // "mixed by Y, mastered by Z": about whatever Y's verb was about, not about Y
            return a == w.lastObject ? w.lastSubject : null;
        }
        if (gap.afterComma() && w.asideOpened && gap.finite()) {
            return w.interruptedSubject; // "X, created by Y, was ...": the verb after the aside is X's
        }
        if (a == w.lastObject && !gap.finite()) {
            return null; // a participle after an object: attachment is anyone's guess
        }
        if (prepositionObject) {
            return v.subjectArgument(v.arg(a - 1)); // "the son of X was": the son, not X
        }
        String subject = v.subjectArgument(left);
        if (subject == null && v.specificCommon(left, v.arg(a + 1))) {
            subject = left.text();
        }
        return w.remember(subject, gap);
    }

    // "Vinnie Vincent and Gene Simmons wrote it": the first of two coordinated subjects
    static String coordinatedSubject(int a, Gap gap, Walk w) {
        SentenceView v = w.view;
        if (a == 0 || gap.conjoined() || gap.relative() || gap.afterComma() || w.aliases[a] != null) {
            return null;
        }
        Phrase first = v.arg(a - 1);
        Phrase second = v.arg(a);
        int and = second.start() - 1;
        if (first.end() != and || !v.token(and).equalsIgnoreCase("and") || !first.proper()
                || !second.proper() || a - 1 == w.lastObject || a >= 2
                && v.gapAfter(a - 2).kind() != Gap.Kind.NONE) {
            return null;
        }
        return v.subjectArgument(first);
    }

    // the phrase is the agent of a passive participle: "directed by Y", "is owned by Y"
    private static boolean agentOf(int a, SentenceView v) {
        Gap before = v.gapAfter(a - 1);
        return before.kind() == Gap.Kind.VERBAL && before.predicate().endsWith(" by");
    }

    // the relation is a participle naming how its subject came about or where it is: "founded in", "located at"
    static boolean describing(Gap gap) {
        for (String word : gap.predicate().split(" ")) {
            if (!word.endsWith("ly")) {
                return WordList.DESCRIBING_PARTICIPLES.contains(word.replaceFirst("-$", ""));
            }
        }
        return false;
    }
}
