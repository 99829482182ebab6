package dev.engram.extraction.triples;

/**
 * "Dai Jitao or Tai Chi-t'ao was ...": a sentence opening with two names joined by "or" is about one person, so
 * the second phrase stands for the first, and a proper second name is an alias, (first, also known as, second).
 */
final class AlternativeName {
    private AlternativeName() {}

    /** True when phrases 0 and 1 are such a pair (then phrase 1 stands for phrase 0's subject). */
    static boolean read(int a, Walk w) {
        SentenceView v = w.view;
        Phrase right = v.arg(a + 1);
        if (a != 0 || !v.token(right.start() - 1).equalsIgnoreCase("or")) {
            return false;
        }
        w.aliases[1] = v.subjectArgument(v.arg(a));
        if (w.aliases[1] != null && right.proper()) {
            w.emitSilently(w.aliases[1], "also known as", right);
        }
        return true;
    }
}
