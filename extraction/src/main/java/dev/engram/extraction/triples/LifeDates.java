package dev.engram.extraction.triples;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads aliases and birth and death facts from an encyclopaedic parenthetical: "(born 23 September 1934)",
 * "(died 11 November 875)", "(26 August 1928 – 17 July 2013)", "(1918 in Adana, Ottoman Empire – 1989)".
 */
final class LifeDates {

    private static final String MONTH = "(?:January|February|March|April|May|June|July|August|September|October"
            + "|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?"
            + "|Nov\\.?|Dec\\.?)";
    private static final String ERA = "(?:\\s*(?:BC|AD|BCE|CE)\\b)?";
    private static final Pattern DAY_FIRST = Pattern.compile("\\b\\d{1,2}\\s+" + MONTH + "\\s+\\d{1,4}" + ERA);
    private static final Pattern MONTH_FIRST = Pattern.compile("\\b" + MONTH + "\\s+\\d{1,2},\\s*\\d{1,4}" + ERA);
    private static final Pattern MONTH_YEAR = Pattern.compile("\\b" + MONTH + "\\s+\\d{3,4}" + ERA);
    private static final Pattern YEAR = Pattern.compile("\\b\\d{3,4}" + ERA + "(?![\\d,.])");
    private static final Pattern RANGE = Pattern.compile("\\s*[–—]\\s*|\\s+-\\s+|(?<=\\d)-(?=\\d)");
    // "(also known as the Tennessee Tower)", "(formerly Wadam's)"; a short capitalised name only
    private static final Pattern ALIAS = Pattern.compile(
            "(?:also known as|also called|formerly|known as|or)\\s+(?:the\\s+)?(\\p{Lu}[^,;:()\"]{1,60})");
    private static final Pattern PLACE = Pattern.compile("\\bin\\s+(\\p{Lu}[\\p{L}.'’ -]*?)(?:,|$)");

    private LifeDates() {}

    /** A fact from the aside: predicate ("born on", "died in", "also known as") and its date, place or name. */
    record Fact(String predicate, String value) {}

    /** The facts in {@code content}, the text inside the brackets; empty if it is not a life-dates aside. */
    static List<Fact> parse(String content) {
        List<Fact> facts = new ArrayList<>();
        for (String part : content.split(";")) {
            String p = part.strip();
            Matcher alias = ALIAS.matcher(p);
            if (alias.matches()) {
                facts.add(new Fact("also known as", alias.group(1).strip()));
            } else if (p.startsWith("born ") || p.startsWith("b. ")) {
                addEvent(facts, "born", p.substring(p.indexOf(' ') + 1));
            } else if (p.startsWith("died ") || p.startsWith("d. ")) {
                addEvent(facts, "died", p.substring(p.indexOf(' ') + 1));
            } else {
                String[] sides = RANGE.split(p, 2);
                if (sides.length == 2 && YEAR.matcher(sides[0]).find() && YEAR.matcher(sides[1]).find()) {
                    addEvent(facts, "born", sides[0]);
                    addEvent(facts, "died", sides[1]);
                }
            }
        }
        return facts;
    }

    private static void addEvent(List<Fact> facts, String event, String text) {
        String t = text.replaceFirst("^(?:c\\.|ca\\.|circa)\\s*", "");
        String date = firstMatch(t, DAY_FIRST, MONTH_FIRST);
        if (date != null) {
            facts.add(new Fact(event + " on", date));
        } else {
            date = firstMatch(t, MONTH_YEAR, YEAR);
            if (date != null) {
                facts.add(new Fact(event + " in", date));
            }
        }
        Matcher place = PLACE.matcher(t);
        if (date != null && place.find()) {
            facts.add(new Fact(event + " in", place.group(1).strip()));
        }
    }

    private static String firstMatch(String text, Pattern... patterns) {
        for (Pattern pattern : patterns) {
            Matcher m = pattern.matcher(text);
            if (m.find()) {
                return m.group().strip();
            }
        }
        return null;
    }
}
