package dev.engram.retrieval.decompose;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises compositional questions offline — "When was the director of Black Hawk Down born?", "Who is the spouse
 * of the author of Brand?", "Who was born first, the director of X or the director of Y?" — from the names the tagger
 * finds and a relational noun ({@link RelationalNouns}) in "the &lt;noun&gt; of &lt;name&gt;" before them, nested
 * to the left. The plan has one hop a noun (innermost first: "the author of Brand", then "the spouse of #1") and
 * then the question with each such phrase replaced by its last hop's answer.
 */
public final class CompositionalParser {
    // "the [adjective] noun of " right before a name (or before an inner "the noun of ...")
    private static final Pattern HOP = Pattern.compile("(?i)\\bthe\\s+([a-z]+(?:\\s+[a-z]+)?)\\s+of\\s+$");
    /** Most hops one phrase may chain; a longer chain is cut to its innermost hops. */
    static final int MAX_HOPS = 3;

    private final Function<String, List<String>> mentions;
    private final RelationalNouns nouns;

    /** A parser over the mentions {@code mentions} finds in a question. */
    public CompositionalParser(Function<String, List<String>> mentions, RelationalNouns nouns) {
        this.mentions = mentions;
        this.nouns = nouns;
    }

    /** The plan of a compositional question, or {@link Plan#NONE}. */
    public Plan parse(String question) {
        List<Phrase> phrases = new ArrayList<>();
        int from = 0;
        for (String m : mentions.apply(question)) {
            if (m.chars().noneMatch(c -> Character.isUpperCase(c) || Character.isDigit(c))) {
                continue;
            }
            int at = question.indexOf(m, from);
            if (at < 0) {
                continue;
            }
            if (!phrases.isEmpty() && at < phrases.getLast().end()) {
                continue; // inside the name of the phrase before
            }
            String name = extend(question, at, m);
            from = at + name.length();
            // "X's director" is a hop of its own, which this shape does not cover: leave the question whole
            if (question.startsWith("'s", at + name.length()) || question.startsWith("’s", at + name.length())) {
                continue;
            }
            phrase(question, at, name).ifPresent(phrases::add);
        }
        if (phrases.isEmpty()) {
            return Plan.NONE;
        }
        List<Plan.Step> steps = new ArrayList<>();
        StringBuilder last = new StringBuilder();
        int copied = 0;
        for (Phrase p : phrases) {
            String argument = p.name();
            for (int i = 0; i < p.nouns().size(); i++) {
                String noun = p.nouns().get(i);
                steps.add(new Plan.Step("the " + noun + " of " + argument, noun, argument));
                argument = "#" + steps.size();
            }
            last.append(question, copied, p.start()).append(argument);
            copied = p.end();
        }
        last.append(question.substring(copied));
        steps.add(Plan.Step.of(last.toString().strip()));
        return new Plan("compositional", "offline", steps);
    }

    /**
     * The whole name starting at {@code at}: the tagger cuts titles at small words and punctuation ("Alexander and
     * the Terrible, Horrible, No Good, Very Bad Day", "Songs I Wrote with Amy", "Kim Jong-chul"), so the mention is
     * extended over connectors, commas and hyphens as long as a capitalised word follows.
     */
    static String extend(String question, int at, String mention) {
        int end = at + mention.length();
        Matcher more = MORE.matcher(question);
        while (more.find(end) && more.start() == end) {
            end = more.end();
        }
        // a name does not end in "'" (the "Hornets' Nest" case is covered by MORE) or a comma
        return question.substring(at, end).replaceAll("[,'’]+$", "");
    }

    // what may continue a name: "-chul", "' Nest", then " and the Terrible", ", Horrible", " Wrote", " with Amy"
    private static final Pattern MORE = Pattern.compile(
            "(?:-[\\p{L}\\p{N}]+|['’]\\s?[\\p{Lu}\\p{N}][\\p{L}\\p{N}'’.]*"
            + "|,?\\s+(?:(?:and|the|of|with|de|la|le|von|van|da|di|del|du|des|und|et|for|in|on|a|an|to|&)\\s+){0,2}"
            + "[\\p{Lu}\\p{N}][\\p{L}\\p{N}'’.-]*)");

    // "the noun of [the noun of ...] name", innermost noun first
    private Optional<Phrase> phrase(String question, int nameAt, String name) {
        List<String> chain = new ArrayList<>();
        int start = nameAt;
        while (chain.size() < MAX_HOPS) {
            Matcher m = HOP.matcher(question.substring(0, start));
            if (!m.find()) {
                break;
            }
            Optional<String> noun = noun(m.group(1));
            if (noun.isEmpty()) {
                break;
            }
            chain.add(noun.get());
            start = m.start();
        }
        return chain.isEmpty() ? Optional.empty() : Optional.of(new Phrase(start, nameAt + name.length(), chain, name));
    }

    // "first president" as a whole when listed, else its last word ("film director" → "director")
    private Optional<String> noun(String words) {
        if (nouns.of(words).isPresent()) {
            return Optional.of(words.toLowerCase(java.util.Locale.ROOT));
        }
        String[] parts = words.split("\\s+");
        String lastWord = parts[parts.length - 1];
        return nouns.of(lastWord).map(n -> lastWord.toLowerCase(java.util.Locale.ROOT));
    }

    private record Phrase(int start, int end, List<String> nouns, String name) {}
}
