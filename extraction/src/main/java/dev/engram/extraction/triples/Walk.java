package dev.engram.extraction.triples;

import dev.engram.records.triples.Triple;
import java.util.List;

/**
 * The state of one left-to-right walk over a sentence's phrases, which the constructions read and move on: the
 * last relation (its subject, predicate, verb and object index) that a coordination or a new preposition may
 * continue, the copula and its complement that a participle or an apposition may attach to, an aside's
 * interrupted subject, aliases phrases stand for, and the triples found. One walk per sentence, never shared.
 */
final class Walk {
    /** Facts of more words than this are sentence fragments, not relations. */
    static final int MAX_PREDICATE_WORDS = 9;

    final SentenceView view;
    private final List<Triple> out;

    String clauseSubject;
    int lastObject = -1;
    String lastSubject;
    String lastPredicate;
    String lastVerbPart;
    int copulaComplement = -1;
    int complementChain = -1;
    boolean complementIsHead;
    String copulaSubject;
    String copulaVerb;
    final String[] aliases;
    String interruptedSubject;
    boolean asideOpened;

    Walk(SentenceView view, List<Triple> out) {
        this.view = view;
        this.out = out;
        this.aliases = new String[view.args()];
    }

    /** Emits (subject, predicate, object) and makes it the relation a coordination or preposition continues. */
    void emit(String subject, String predicate, Phrase object, int objectIndex, String verbPart) {
        lastObject = objectIndex;
        lastSubject = subject;
        lastPredicate = predicate;
        lastVerbPart = verbPart;
        String objectText = view.argument(object);
        if (objectText == null || subject == null || predicate.split(" ").length > MAX_PREDICATE_WORDS) {
            return;
        }
        if (!Character.isLetterOrDigit(objectText.codePointAt(0))) {
            return; // "-election": a word the tokenizer cut in half
        }
        String subjectKey = view.normalizer().normalize(subject);
        String objectKey = view.normalizer().normalize(objectText);
        if (subjectKey.isEmpty() || objectKey.isEmpty() || subjectKey.equals(objectKey)) {
            return;
        }
        for (String each : PredicateDistribution.distribute(predicate)) {
            out.add(new Triple(subject, each, objectText));
        }
    }

    /** A fact that does not move the walk's state (coordinated subjects, what kind of thing a subject is). */
    void emitSilently(String subject, String predicate, Phrase object) {
        String objectText = view.argument(object);
        if (objectText != null && !view.normalizer().normalize(subject).equals(view.normalizer().normalize(objectText))) {
            for (String each : PredicateDistribution.distribute(predicate)) {
                out.add(new Triple(subject, each, objectText));
            }
        }
    }

    /** Nothing may continue the last relation. */
    void forgetRelation() {
        lastObject = -1;
        lastSubject = null;
        lastPredicate = null;
        lastVerbPart = null;
    }

    /** Makes phrase {@code index} the complement of {@code subject}'s copula {@code verb}. */
    void copula(int index, boolean head, String subject, String verb) {
        copulaComplement = index;
        complementChain = index;
        complementIsHead = head;
        copulaSubject = subject;
        copulaVerb = verb;
    }

    // the subject before a comma aside, for the main verb that comes after the aside
    String remember(String subject, Gap gap) {
        if (gap.afterComma() && !asideOpened) {
            interruptedSubject = subject;
            asideOpened = true;
        }
        return subject;
    }
}
