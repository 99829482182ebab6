package dev.engram.retrieval.linking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps only seeds worth spreading PageRank from: a seed with no weight (the worst of the linked facts gets 0 after
 * min-max normalisation) adds nothing but noise to {@code --explain}, and a number or date ("2024", "June 5, 2001",
 * "1990s", "19th century") names no thing: thousands of chunks share it, so it acts as a hub that leaks the walk's
 * mass to unrelated passages. Duplicate seeds of one node are merged, keeping the first's provenance.
 */
public final class SeedFilter {
    private static final String MONTH = "(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?"
            + "|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)";
    private static final Pattern NUMERIC = Pattern.compile(
            "(?:(?:about|around|circa|c\\.|the|early|late|mid|in|on|of|ad|bc|" + MONTH + ")[\\s-]*)*"
                    + "[\\d][\\d\\s.,:/\\-–]*(?:s|st|nd|rd|th|%|bc|ad|bce|ce)?"
                    + "(?:[\\s,-]+(?:" + MONTH + "|[\\d][\\d.,]*|centur(y|ies)|years?|bc|ad|bce|ce))*\\.?");

    /** Whether an entity name is only a number, year, date or century, which never identifies a thing. */
    public static boolean numeric(String name) {
        return name != null && NUMERIC.matcher(name.trim().toLowerCase(Locale.ROOT)).matches();
    }

    /** The seeds with positive weight whose names are not numbers or dates, one per node (weights summed). */
    public List<SeedNode> apply(List<SeedNode> seeds) {
        Map<Integer, SeedNode> kept = new LinkedHashMap<>();
        for (SeedNode s : seeds) {
            if (!(s.seed().weight() > 0) || numeric(s.seed().name()) || numeric(s.seed().entityId())) {
                continue;
            }
            kept.merge(s.node(), s, (a, b) -> new SeedNode(a.node(), new dev.engram.retrieval.Seed(
                    a.seed().entityId(), a.seed().name(), a.seed().via() + "+" + b.seed().via(),
                    Math.max(a.seed().linkScore(), b.seed().linkScore()), a.seed().weight() + b.seed().weight())));
        }
        return new ArrayList<>(kept.values());
    }
}
