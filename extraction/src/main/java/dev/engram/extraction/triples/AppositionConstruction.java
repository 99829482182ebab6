package dev.engram.extraction.triples;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Comma-joined phrases: "Andrea Taroni, a professional editor" (is a), "Lahore, the capital of Punjab" (is the
 * capital of), "was a Chinese journalist, an early Kuomintang member" (another complement), the comma of a list,
 * "performed by Australian singer-songwriter, Zoë Badwi" (the name after its description), and "born in
 * Nashville, Tennessee" (the second place contains the first).
 */
final class AppositionConstruction implements Construction {
    private static final Pattern LOCATIVE = Pattern.compile("\\b(in|at|near|from|to)$");
    private static final int MAX_APPOSITIVE_TOKENS = 8;

    @Override
    public int read(int a, Gap gap, Walk w) {
        appose(a, w);
        return a;
    }

    private static void appose(int a, Walk w) {
        SentenceView v = w.view;
        Phrase left = v.arg(a);
        Phrase right = v.arg(a + 1);
        String det = right.determiner();
        boolean indefinite = SentenceView.indefinite(right);
        if (indefinite && a == w.copulaComplement && w.copulaVerb != null && right.length() <= MAX_APPOSITIVE_TOKENS) {
            // "was a Chinese journalist, an early Kuomintang member": another complement of the same copula
            w.emit(w.copulaSubject, w.copulaVerb + " a", right, a + 1, null);
            w.copulaComplement = a + 1;
            return;
        }
        if (indefinite) {
            String subject = w.aliases[a] != null ? w.aliases[a] : v.subjectArgument(left);
            if (subject != null && !w.asideOpened) {
                w.interruptedSubject = subject; // "X, an arm of the Southern Ocean, lies between ..."
                w.asideOpened = true;
            }
            if (subject != null && v.followedByOf(right) && a + 2 < v.args()
                    && v.gapAfter(a + 1).kind() == Gap.Kind.ADP && !v.isPronoun(v.arg(a + 2))) {
                w.emit(subject, "is " + SentenceView.withDeterminer(right).replaceFirst("^an ", "a ") + " of",
                        v.arg(a + 2), a + 2, null);
                w.aliases[a + 1] = subject;
                return;
            }
            if (subject != null && right.length() <= MAX_APPOSITIVE_TOKENS && !v.followedByOf(right)) {
                w.emit(subject, "is a", right, a + 1, null);
                w.aliases[a + 1] = subject;
                w.copulaComplement = a + 1;
                w.copulaSubject = subject;
                w.copulaVerb = "is";
                return;
            }
        } else if (det.equals("the") && !v.named(right) && a + 2 < v.args() && v.followedByOf(right)) {
            // "Lahore, the capital of Punjab" → (Lahore, is the capital of, Punjab)
            String subject = w.aliases[a] != null ? w.aliases[a] : v.subjectArgument(left);
            Phrase object = v.arg(a + 2);
            if (subject != null && v.gapAfter(a + 1).kind() == Gap.Kind.ADP
                    && (object.proper() || v.title().resolve(object) != null)) {
                w.emit(subject, "is the " + right.text().toLowerCase(Locale.ROOT) + " of", object, a + 2, null);
                w.aliases[a + 1] = subject;
                return;
            }
        } else if (a == w.lastObject && w.lastSubject != null && !right.possessive() && v.nextIsCoordinated(a + 1)) {
            CoordinationConstruction.coordinate(a, w); // the comma of a list "A, B and C"
            return;
        } else if (a == w.lastObject && w.lastSubject != null && det.isEmpty() && v.named(right) && !v.named(left)) {
            // "performed by Australian singer-songwriter, Zoë Badwi": the name after the description
            w.emit(w.lastSubject, w.lastPredicate, right, a + 1, w.lastVerbPart);
            return;
        } else if (locativeObject(a, w) && v.named(left) && v.named(right) && det.isEmpty() && !right.possessive()
                && v.endsClause(right) && !v.nextIsCoordinated(a + 1)) {
            // "born in Nashville, Tennessee": the second place contains the first
            String place = v.argument(left);
            if (place != null) {
                w.emit(place, "located in", right, a + 1, null);
            }
            return;
        }
        w.forgetRelation();
    }

    // the phrase names a place: the object of "born in", "located at", or of a bare "in"/"near"
    private static boolean locativeObject(int a, Walk w) {
        if (a == w.lastObject && w.lastPredicate != null && LOCATIVE.matcher(w.lastPredicate).find()) {
            return true;
        }
        if (a == 0) {
            return false;
        }
        Gap before = w.view.gapAfter(a - 1);
        return before.kind() == Gap.Kind.ADP && LOCATIVE.matcher(before.predicate()).find();
    }
}
