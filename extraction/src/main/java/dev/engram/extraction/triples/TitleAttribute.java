package dev.engram.extraction.triples;

import java.util.Locale;

/**
 * "The current editor is Jan Philip Solovej", "Her father was Boso" opening a passage about its title: an
 * attribute of the title, (title, "current editor is", Jan Philip Solovej).
 */
final class TitleAttribute {
    private TitleAttribute() {}

    /** True when phrase {@code a} opens such an attribute (emitted unless its value is a pronoun). */
    static boolean read(int a, Gap gap, Walk w) {
        SentenceView v = w.view;
        Phrase left = v.arg(a);
        if (!gap.copula() || left.start() != 0 || !v.title().about() || v.title().resolve(left) != null) {
            return false;
        }
        String det = left.determiner();
        boolean owned = WordList.OWNER_DETERMINERS.contains(det);
        boolean role = det.equals("the") && (left.common() || WordList.ROLES.contains(SentenceView.head(left)));
        if (!owned && !role) {
            return false;
        }
        Phrase right = v.arg(a + 1);
        if (v.isPronoun(right) || right.possessive()) {
            return true;
        }
        String predicate = left.text().toLowerCase(Locale.ROOT) + " " + gap.predicate();
        w.emit(v.title().title(), predicate, right, a + 1, null);
        return true;
    }
}
