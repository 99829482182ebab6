package dev.engram.extraction.triples;

import java.util.Locale;

/** "Lothair II's mother was Ermengarde" → (Lothair II, mother was, Ermengarde). */
final class PossessiveConstruction implements Construction {

    @Override
    public int read(int a, Gap gap, Walk w) {
        SentenceView v = w.view;
        Phrase owner = v.arg(a);
        if (!owner.possessive() || a + 2 >= v.args()) {
            return a;
        }
        Phrase attribute = v.arg(a + 1);
        Phrase value = v.arg(a + 2);
        if (attribute.start() != owner.end() || !attribute.common() || v.isPronoun(value) || value.possessive()) {
            return a;
        }
        Gap between = v.gapAfter(a + 1);
        String subject = v.subjectArgument(owner);
        if (between.kind() == Gap.Kind.VERBAL && between.copula() && subject != null) {
            w.emit(subject, attribute.text().toLowerCase(Locale.ROOT) + " " + between.predicate(), value, a + 2, null);
        }
        return a;
    }
}
