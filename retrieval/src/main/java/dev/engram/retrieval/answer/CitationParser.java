package dev.engram.retrieval.answer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the passages an answer cites: {@code [1]}, {@code [2, 3]}, {@code [1][3]}. */
public final class CitationParser {
    private CitationParser() {}

    private static final Pattern BRACKETS = Pattern.compile("\\[\\s*(\\d{1,6}(?:\\s*[,;]\\s*\\d{1,6})*)\\s*]");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    /** The citations of {@code context} that {@code answer} cites, in order of first citation; other ids are ignored. */
    public static List<Citation> cited(String answer, AssembledContext context) {
        if (answer == null) return List.of();
        Set<Citation> cited = new LinkedHashSet<>();
        Matcher brackets = BRACKETS.matcher(answer);
        while (brackets.find()) {
            Matcher numbers = NUMBER.matcher(brackets.group(1));
            while (numbers.find()) {
                // Models sometimes cite ids the context does not have (a year in brackets, an invented source).
                context.citation(Integer.parseInt(numbers.group())).ifPresent(cited::add);
            }
        }
        return List.copyOf(cited);
    }
}
