package dev.engram.records.triples;

import java.text.Normalizer;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns entity surface forms into graph ids: NFKC, lowercase (root locale), every character that is not a letter
 * or digit of any script becomes a space, whitespace collapsed. Unlike an ASCII-only regex it keeps non-Latin
 * names: "Москва" → "москва", "東京" → "東京". Stateless and thread-safe.
 */
public final class EntityNormalizer {

    /** The id for {@code surface}; "" when nothing letter- or digit-like is left. */
    public String normalize(String surface) {
        String folded = Normalizer.normalize(surface, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        boolean pendingSpace = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            // combining marks stay so decomposed scripts (Devanagari vowel signs, Thai) keep their words whole
            if (Character.isLetterOrDigit(cp) || isMark(cp)) {
                if (pendingSpace && !out.isEmpty()) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.appendCodePoint(cp);
            } else if (cp != '\'' && cp != '’') {
                // apostrophes join ("O'Brien" → "obrien") rather than split; everything else separates words
                pendingSpace = true;
            }
        }
        return out.toString();
    }

    /** The name to show for an entity: its most frequent surface form, the earliest seen among equals. */
    public String displayName(Collection<String> surfaceForms) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String form : surfaceForms) {
            String trimmed = form.strip();
            if (!trimmed.isEmpty()) {
                counts.merge(trimmed, 1, Integer::sum);
            }
        }
        String best = null;
        int bestCount = 0;
        // insertion order makes the first-seen form win a tie
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            if (entry.getValue() > bestCount) {
                best = entry.getKey();
                bestCount = entry.getValue();
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no non-blank surface form");
        }
        return best;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
