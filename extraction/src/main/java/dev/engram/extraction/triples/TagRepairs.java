package dev.engram.extraction.triples;

import java.util.Locale;
import java.util.Set;

/**
 * Fixes the few tagging slips that cost whole sentences: a clause's only verb tagged as a plural noun after a
 * name ("Nepal experiences five seasons", "The Himalaya blocks cold winds"), "is"/"was" tagged as ADP, and
 * "starring" tagged as a noun before a name.
 */
final class TagRepairs {

    private static final Set<String> BE = Set.of("is", "was", "are", "were");
    private static final Set<String> RELATION_VERBS = Set.of("starring", "co-starring", "featuring");
    private static final Set<String> STAR_VERBS = Set.of("stars", "co-stars", "features");
    private static final Set<String> OBJECT_STARTS = Set.of("DET", "ADP", "PROPN", "NUM", "ADJ", "PRON", "NOUN");

    private TagRepairs() {}

    /** {@code s} with repaired tags; the same instance when nothing needed repair. */
    static TaggedSentence repair(TaggedSentence s) {
        String[] tags = null;
        boolean verbSeen = false;
        for (int i = 0; i < s.size(); i++) {
            String tag = s.tag(i);
            String token = s.token(i);
            if (RELATION_VERBS.contains(token) && !tag.equals("VERB") && i > 0 && i + 1 < s.size()
                    && (s.tag(i + 1).equals("PROPN") || NounPhraseChunker.capitalised(s.token(i + 1)))) {
                tags = copy(s, tags); // "a 1995 film starring/NOUN Robert De Niro"
                tags[i] = "VERB";
            } else if (STAR_VERBS.contains(token) && tag.equals("NOUN") && i > 0 && i + 1 < s.size()
                    && s.token(i - 1).equals("and") && NounPhraseChunker.capitalised(s.token(i + 1))) {
                tags = copy(s, tags); // "written and directed by X, and stars/NOUN Pam Grier"
                tags[i] = "VERB";
            } else if (tag.equals("ADP") && BE.contains(token)) {
                tags = copy(s, tags);
                tags[i] = "AUX";
                verbSeen = true;
            } else if (!verbSeen && tag.equals("NOUN") && i > 0 && s.tag(i - 1).equals("PROPN")
                    && i + 1 < s.size() && OBJECT_STARTS.contains(s.tag(i + 1)) && thirdPerson(token)
                    && !hasVerbAfter(s, i + 1)) {
                tags = copy(s, tags);
                tags[i] = "VERB";
                verbSeen = true;
            } else if (tag.equals("VERB") || tag.equals("AUX")) {
                verbSeen = true;
            }
        }
        return tags == null ? s : new TaggedSentence(s.text(), s.tokens(), tags, s.starts(), s.ends());
    }

    // "experiences", "blocks", "rises": lowercase, ends in a single s
    private static boolean thirdPerson(String token) {
        return token.length() > 3 && Character.isLowerCase(token.charAt(0)) && token.endsWith("s")
                && !token.endsWith("ss") && !token.endsWith("us") && !token.endsWith("is")
                && token.toLowerCase(Locale.ROOT).equals(token);
    }

    // only repair when the clause would otherwise have no verb before its next punctuation
    private static boolean hasVerbAfter(TaggedSentence s, int from) {
        for (int k = from; k < s.size(); k++) {
            String tag = s.tag(k);
            if (tag.equals("PUNCT")) {
                return false;
            }
            if (tag.equals("VERB") || tag.equals("AUX")) {
                return true;
            }
        }
        return false;
    }

    private static String[] copy(TaggedSentence s, String[] tags) {
        return tags != null ? tags : s.tags().clone();
    }
}
