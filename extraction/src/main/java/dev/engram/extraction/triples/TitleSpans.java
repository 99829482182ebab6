package dev.engram.extraction.triples;

import dev.engram.records.triples.EntityNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keeps a passage's title whole where the sentence spells it out: "Culture, Society and Masculinities" or
 * "IEEE Transactions on Microwave Theory and Techniques" is one phrase even though POS patterns would split it.
 */
final class TitleSpans {

    private final String[] words;
    private final EntityNormalizer normalizer;

    /** Matches the title without its disambiguating suffix ("X (film)" → "X"). */
    TitleSpans(String title, EntityNormalizer normalizer) {
        String core = title == null ? "" : title.strip().replaceFirst("\\s*\\(.*\\)$", "");
        String key = normalizer.normalize(core);
        this.words = key.isEmpty() ? new String[0] : key.split(" ");
        this.normalizer = normalizer;
    }

    /** {@code phrases} with any spelled-out title replacing the phrases it overlaps. */
    List<Phrase> merge(TaggedSentence s, List<Phrase> phrases) {
        if (words.length < 2) {
            // a one-word title is already a phrase of its own, unless the tagger read it as a verb
            // ("Betrayed (1917) is a silent drama film"): opening the sentence before a verb, it is the subject
            if (words.length == 1 && s.size() > 2 && (phrases.isEmpty() || phrases.getFirst().start() > 0)
                    && s.tag(0).equals("VERB") && NounPhraseChunker.capitalised(s.token(0))
                    && matchAt(s, 0) == 1 && nextIsAux(s, 1)) {
                return replace(s, phrases, 0, 1);
            }
            return phrases;
        }
        List<Phrase> result = phrases;
        for (int i = 0; i < s.size(); i++) {
            int end = matchAt(s, i);
            if (end > 0) {
                result = replace(s, result, i, end);
                i = end - 1;
            }
        }
        return result;
    }

    // the next word after any blanked-out parenthetical is "is"/"was"
    private static boolean nextIsAux(TaggedSentence s, int from) {
        return from < s.size() && s.tag(from).equals("AUX");
    }

    private int matchAt(TaggedSentence s, int start) {
        int w = 0;
        int k = start;
        while (k < s.size() && w < words.length) {
            String key = normalizer.normalize(s.token(k));
            if (key.isEmpty()) {
                if (k == start) {
                    return -1;
                }
                k++;
                continue;
            }
            for (String part : key.split(" ")) {
                if (w >= words.length || !words[w].equals(part)) {
                    return -1;
                }
                w++;
            }
            k++;
        }
        return w == words.length ? k : -1;
    }

    private static List<Phrase> replace(TaggedSentence s, List<Phrase> phrases, int from, int to) {
        int start = from;
        String det = "";
        if (from > 0 && s.token(from - 1).toLowerCase(Locale.ROOT).equals("the")) {
            start = from - 1;
            det = "the";
        }
        Phrase title = new Phrase(start, to, NounPhraseChunker.collapse(s.surface(from, to)), det, true, false,
                false);
        List<Phrase> merged = new ArrayList<>(phrases.size());
        boolean added = false;
        for (Phrase p : phrases) {
            if (p.end() <= start || p.start() >= to) {
                if (!added && p.start() >= to) {
                    merged.add(title);
                    added = true;
                }
                merged.add(p);
            } else if (p.start() < start || p.end() > to) {
                // a phrase reaching beyond the title (possessive, longer name) is kept as it is
                return phrases;
            }
        }
        if (!added) {
            merged.add(title);
        }
        return merged;
    }
}
