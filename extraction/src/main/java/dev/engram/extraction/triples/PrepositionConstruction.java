package dev.engram.extraction.triples;

/**
 * "was presented to the faculty at the University of Göttingen in 1854": the same verb with a new preposition
 * gives another fact; a common noun in between keeps the verb ("received the medal for gallantry during the
 * Battle of X"), and "in", "at", "near", "by" keep a copula's complement going.
 */
final class PrepositionConstruction implements Construction {

    @Override
    public int read(int a, Gap gap, Walk w) {
        SentenceView v = w.view;
        Phrase next = v.arg(a + 1);
        if (a == w.complementChain && WordList.CHAIN_PREPOSITIONS.contains(gap.predicate()) && !v.isPronoun(next)) {
            w.complementChain = a + 1;
        }
        if (a == w.lastObject && w.lastVerbPart != null && !gap.predicate().equals("of")
                && (next.proper() || next.numeric()) && !next.possessive()) {
            w.emit(w.lastSubject, w.lastVerbPart + " " + gap.predicate(), next, a + 1, w.lastVerbPart);
        } else if (a == w.lastObject && w.lastVerbPart != null && !gap.predicate().equals("of") && next.common()
                && !next.possessive()) {
            w.lastObject = a + 1; // "received the medal for gallantry during the Battle of X": keep the verb
        } else if (a != w.copulaComplement) {
            w.forgetRelation();
        }
        return a;
    }
}
