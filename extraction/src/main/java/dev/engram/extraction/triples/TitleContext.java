package dev.engram.extraction.triples;

import dev.engram.records.triples.EntityNormalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a passage is about: its title entity, and whether the passage talks about it (an encyclopaedic first
 * sentence starts with the title or a prefix of it). Resolves "he", "it", "the film" and title-like mentions
 * to the title. Built by {@link #of}.
 *
 * @param title        the title, as the name of the entity the passage is about
 * @param titleKey     the title's normalized form
 * @param titleCoreKey the normalized title without a "(film)" or ", Illinois" tail
 * @param about        whether the passage is about its title
 * @param typeNouns    nouns that, after "the", stand for the title ("the film")
 * @param normalizer   how names become entity ids
 * @param openingKey   the normalized opening phrase that stands for the title, or "" when none does
 * @param titleWords   the core title's longer words, which as a phrase's head stand for the title
 */
record TitleContext(String title, String titleKey, String titleCoreKey, boolean about, Set<String> typeNouns,
                    EntityNormalizer normalizer, String openingKey, Set<String> titleWords) {

    private static final Set<String> SUBJECT_PRONOUNS = Set.of("he", "she", "it", "they");
    // kinds of thing an encyclopaedia article is about; "the film was released" means the title
    private static final Set<String> TYPE_NOUNS = Set.of("film", "movie", "album", "song", "single", "company",
            "band", "group", "novel", "book", "series", "show", "programme", "program", "game", "city", "town",
            "village", "community", "river", "journal", "magazine", "newspaper", "school", "university",
            "college", "team", "club", "organization", "organisation", "party", "station", "church", "building",
            "township", "county", "district", "municipality", "island", "lake", "mountain", "airport", "bridge",
            "museum", "painting", "play", "opera", "poem", "ep", "record", "label", "network", "channel",
            "episode", "franchise", "ship", "region", "state", "province", "country", "park",
            "festival", "tournament", "competition", "award", "work", "collection", "brand", "product",
            "campaign", "war", "battle", "treaty", "agency", "institute", "department", "ministry", "court",
            "law", "act", "language", "species", "genus", "family", "dynasty", "empire", "kingdom", "hotel",
            "restaurant", "store", "stadium", "arena", "hospital", "library", "society", "association",
            "federation", "union", "league", "studio", "publisher", "firm", "manufacturer", "corporation",
            "enterprise", "settlement", "suburb", "neighbourhood", "neighborhood", "area", "site", "castle",
            "palace", "temple", "monastery", "cathedral", "abbey", "tower", "canal", "road", "highway",
            "railway", "line", "route", "composition", "symphony", "track", "soundtrack", "compilation",
            "musical", "sitcom", "drama", "documentary", "trilogy", "saga", "comic", "manga",
            "anime", "console", "software", "system", "device", "vehicle", "aircraft", "car", "engine");

    /** Reads the title and the passage's first sentence with its phrases. */
    static TitleContext of(String title, TaggedSentence first, List<Phrase> phrases, EntityNormalizer normalizer) {
        String t = title == null ? "" : title.strip();
        Set<String> titleWords = new HashSet<>();
        String key = normalizer.normalize(t);
        String core = normalizer.normalize(t.replaceFirst("\\s*\\(.*\\)$", "").replaceFirst(",.*$", ""));
        TitleContext probe = new TitleContext(t, key, core, false, TYPE_NOUNS, normalizer, "", Set.of());
        boolean opensWithTitle = !phrases.isEmpty() && phrases.getFirst().start() <= 1;
        boolean about = !key.isEmpty() && opensWithTitle && probe.matches(phrases.getFirst());
        String openingKey = "";
        if (!key.isEmpty() && opensWithTitle && !about && phrases.getFirst().proper()) {
            // "Jonathan Douglass Reid" opening the article "Jonathan Reid": every title word is in the name;
            // "Alta" opening "Alta (band)": a prefix of the title. Only this opening phrase stands for the title,
            // so "Leiden" elsewhere is not the article "Leiden painters".
            openingKey = normalizer.normalize(phrases.getFirst().text());
            about = List.of(openingKey.split(" ")).containsAll(List.of(core.split(" ")))
                    || openingKey.length() >= 4 && core.startsWith(openingKey + " ");
            openingKey = about ? openingKey : "";
        }
        Set<String> types = new HashSet<>(TYPE_NOUNS);
        if (about) {
            String head = copulaComplementHead(first, phrases);
            if (head != null) {
                types.add(head);
            }
        }
        // "the treaty" in a passage titled "Partial Nuclear Test Ban Treaty", "the garden" for "... Garden"
        titleWords.addAll(List.of(core.split(" ")));
        titleWords.removeIf(w -> w.length() < 4 || Character.isDigit(w.charAt(0)));
        return new TitleContext(t, key, core, about, types, normalizer, openingKey, titleWords);
    }

    /** Whether {@code phrase} names the title: equal to it, to its core (no "(film)", no ", Illinois"), or a prefix. */
    boolean matches(Phrase phrase) {
        if (titleKey.isEmpty() || !phrase.proper() && !phrase.determiner().isEmpty()) {
            return false;
        }
        String key = normalizer.normalize(phrase.text());
        if (key.isEmpty()) {
            return false;
        }
        if (key.equals(titleKey) || key.equals(titleCoreKey) || key.equals("the " + titleCoreKey)
                || key.equals(openingKey) || key.equals(titleCoreKey + "s") || key.equals(titleCoreKey + "es")) {
            return true;
        }
        return false;
    }

    /** The entity {@code phrase} stands for when it is the title, a pronoun or "the film"; null if none. */
    String resolve(Phrase phrase) {
        return resolve(phrase, phrase.start() == 0);
    }

    /** As {@link #resolve(Phrase)}; {@code clauseInitial} says the phrase opens a clause ("During X, the square"). */
    String resolve(Phrase phrase, boolean clauseInitial) {
        if (matches(phrase)) {
            return title;
        }
        String text = phrase.text().toLowerCase(Locale.ROOT);
        if (!about) {
            // a passage from the middle of an article still says "the treaty" for "... Test Ban Treaty"
            return clauseInitial && phrase.common() && phrase.determiner().equals("the") && phrase.length() <= 4
                    && titleWords.contains(text.substring(text.lastIndexOf(' ') + 1)) ? title : null;
        }
        if (phrase.length() == 1 && SUBJECT_PRONOUNS.contains(text)) {
            return title;
        }
        // only as a sentence's subject: "the film" elsewhere may be another film
        if (phrase.common() && (phrase.determiner().equals("the") || phrase.determiner().equals("this"))
                && phrase.length() <= 6 && clauseInitial) {
            String head = text.substring(text.lastIndexOf(' ') + 1);
            return typeNouns.contains(head) || titleWords.contains(head) ? title : null;
        }
        return null;
    }

    /**
     * The title for a "he"/"she"/"it" that nothing nearer explains, in a passage cut from the middle of an
     * article: what such a passage keeps talking about is usually what its article is about.
     */
    String unexplainedPronoun(String pronoun) {
        return !title.isEmpty() && SUBJECT_PRONOUNS.contains(pronoun.toLowerCase(Locale.ROOT))
                && !pronoun.equalsIgnoreCase("they") ? title : null;
    }

    /** Whether the word is a subject pronoun the title may stand behind. */
    static boolean subjectPronoun(String token) {
        return SUBJECT_PRONOUNS.contains(token.toLowerCase(Locale.ROOT));
    }

    // "Waddams Grove ... is an unincorporated community in ..." → "community"
    private static String copulaComplementHead(TaggedSentence s, List<Phrase> phrases) {
        for (int p = 1; p < phrases.size() && p < 4; p++) {
            Phrase phrase = phrases.get(p);
            int before = phrase.start() - 1;
            if (before >= 0 && s.tag(before).equals("AUX") || before >= 0 && s.tag(before).equals("ADV")
                    && before > 0 && s.tag(before - 1).equals("AUX")) {
                String t = s.token(phrase.end() - 1).toLowerCase(Locale.ROOT);
                return s.tag(phrase.end() - 1).equals("NOUN") ? t : null;
            }
        }
        return null;
    }
}
