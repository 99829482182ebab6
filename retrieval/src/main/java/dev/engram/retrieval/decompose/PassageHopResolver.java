package dev.engram.retrieval.decompose;

import dev.engram.retrieval.RankedPassage;
import dev.engram.store.search.AccessFilter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a relational hop from the passages retrieved for it when the graph holds no such relation: in a passage
 * about X (its title is X's name), the name after the noun's passive cue ("directed by Y", "written and produced by
 * Y"), after "by" for work nouns ("a 1865 play by Y"), or after "married" for a spouse.
 */
public record PassageHopResolver(RelationalNouns nouns) implements RelationalHopResolver {
    /** Passages of the hop looked at. */
    static final int LOOKED_AT = 3;
    private static final String NAME = "(\\p{Lu}[\\p{L}'’.-]+(?:\\s+(?:(?:de|van|von|da|di|du|le|la|of)\\s+)?\\p{Lu}[\\p{L}'’.-]+){0,4})";
    private static final Pattern BY = Pattern.compile("\\bby\\s+" + NAME);
    private static final Pattern MARRIED = Pattern.compile("\\bmarried\\s+(?:to\\s+)?(?:\\w+\\s+){0,2}?" + NAME);

    @Override
    public Resolution follow(RelationalNouns.Noun noun, String argument, List<RankedPassage> passages,
                             AccessFilter access) {
        String wanted = argument.toLowerCase(Locale.ROOT);
        for (RankedPassage p : passages.subList(0, Math.min(LOOKED_AT, passages.size()))) {
            String title = p.title() == null ? "" : p.title().toLowerCase(Locale.ROOT);
            if (title.isEmpty() || !(title.startsWith(wanted) || wanted.startsWith(title))) {
                continue;
            }
            String found = find(noun, p.text());
            if (found != null && !found.equalsIgnoreCase(argument)) {
                return new Resolution(new Bridge(found, "passage: " + p.title(), List.of(p.chunkId())), null);
            }
        }
        return Resolution.none("no passage about \"" + argument + "\" names its " + noun.noun());
    }

    static String find(RelationalNouns.Noun noun, String text) {
        if (text == null) {
            return null;
        }
        if (noun.symmetric()) {
            Matcher m = MARRIED.matcher(text);
            return m.find() ? m.group(1) : null;
        }
        for (String cue : noun.cues()) {
            String c = cue.startsWith(">") ? cue.substring(1) : cue;
            Matcher m = Pattern.compile("\\b" + Pattern.quote(c) + "\\w*(?:\\s+(?:and|,)?\\s*\\w+ed)?\\s+by\\s+" + NAME,
                    Pattern.CASE_INSENSITIVE).matcher(text);
            if (m.find() && Character.isUpperCase(m.group(1).charAt(0))) {
                return m.group(1);
            }
        }
        if (noun.by()) {
            Matcher m = BY.matcher(text);
            return m.find() ? m.group(1) : null;
        }
        return null;
    }

    @Override
    public String withoutNoun() {
        return "no relational noun to look for in the passages";
    }
}
