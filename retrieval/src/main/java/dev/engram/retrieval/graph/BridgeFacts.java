package dev.engram.retrieval.graph;

import dev.engram.retrieval.decompose.RelationalNouns;
import dev.engram.retrieval.grading.QuestionTerms;
import dev.engram.retrieval.linking.SeedFilter;
import dev.engram.store.projection.GraphProjection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The bridge entities of a multi-hop question: in the passages the first round found, the facts whose predicate
 * says what the question asks ("…was produced by a man born when?" → {@code Natural Born Killers (soundtrack)
 * —produced by→ Trent Reznor}), and the entities on their other side, which the question does not name. The second
 * round restarts from them as well as from the passages, so that the next hop's passage (Trent Reznor's) is reached
 * through the one fact that leads there rather than through every entity the first passage mentions.
 *
 * <p>A predicate says what the question asks when one of its content words shares a stem with a question word
 * ("producer", "produced" → {@code produc}) or holds a cue of a relational noun the question uses ("author" →
 * "written"; {@code relational-nouns.txt}). A bridge is a name (a capital letter), never a common noun, number or date.
 */
public final class BridgeFacts {
    private static final String[] SUFFIXES = {"ations", "ation", "ings", "ing", "ers", "ors", "ed", "er", "or", "es",
            "s", "e"};
    private static final int MIN_STEM = 4;
    // the chunk → relations index of each projection, built on first use (a projection never changes)
    private static final Map<GraphProjection, int[][]> BY_CHUNK = new WeakHashMap<>();

    private final RelationalNouns nouns;

    /** Bridge facts whose predicates are matched against question words and these relational nouns' cues. */
    public BridgeFacts(RelationalNouns nouns) {
        this.nouns = nouns;
    }

    /** One bridge entity: its node, reset weight, and the fact that named it. */
    public record BridgeEntity(int node, double weight, String fact) {}

    /** What a question asks, as predicate cues: stems of its content words and its relational nouns' cues. */
    public record Cues(Set<String> stems, List<String> substrings) {
        /** Whether a predicate states one of these. */
        public boolean match(String predicate) {
            String p = predicate.toLowerCase(Locale.ROOT);
            for (String word : QuestionTerms.of(p, List.of()).words()) {
                if (stems.contains(stem(word))) {
                    return true;
                }
            }
            for (String cue : substrings) {
                if (p.contains(cue)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The predicate cues of a question. */
    public Cues cues(String question) {
        Set<String> stems = new HashSet<>();
        List<String> substrings = new ArrayList<>();
        for (String word : QuestionTerms.of(commonWords(question), List.of()).words()) {
            if (word.chars().anyMatch(Character::isDigit)) {
                continue;
            }
            stems.add(stem(word));
            if (nouns != null) {
                nouns.of(word).ifPresent(n -> n.cues().stream().map(c -> c.startsWith(">") ? c.substring(1) : c)
                        .forEach(substrings::add));
            }
        }
        return new Cues(stems, substrings);
    }

    /**
     * The entities, other than {@code exclude} (the question's own seeds), on the far side of facts stated in
     * {@code passages} whose predicate matches {@code cues}; each weighted by its passage's weight over the number of
     * chunks mentioning it (node specificity), summed over the facts naming it.
     */
    public List<BridgeEntity> find(GraphProjection projection, Cues cues, int[] passages, double[] passageWeights,
                                   Set<Integer> exclude) {
        int[][] byChunk = index(projection);
        Map<Integer, BridgeEntity> out = new LinkedHashMap<>();
        for (int i = 0; i < passages.length; i++) {
            int chunk = passages[i];
            if (chunk >= byChunk.length) {
                continue;
            }
            for (int relation : byChunk[chunk]) {
                String predicate = projection.relationPredicate(relation);
                if (predicate == null || !cues.match(predicate)) {
                    continue;
                }
                int subject = projection.relationSubject(relation);
                int object = projection.relationObject(relation);
                String fact = projection.entityName(subject) + " —" + predicate + "→ " + projection.entityName(object);
                for (int node : new int[] {subject, object}) {
                    if (exclude.contains(node) || projection.isChunk(node) || !named(projection.entityName(node))) {
                        continue;
                    }
                    double w = passageWeights[i] / Math.max(1, projection.entityChunkCount(node));
                    out.merge(node, new BridgeEntity(node, w, fact),
                            (a, b) -> new BridgeEntity(node, a.weight() + b.weight(), a.fact()));
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /**
     * The question without its names: words written with a capital (but the first) or inside quotes name things,
     * which the name linker seeds already; only the words around them say which relation leads on.
     */
    static String commonWords(String question) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        boolean first = true;
        for (String token : question.split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            boolean opens = token.startsWith("\"") || token.startsWith("\u201c");
            boolean closes = token.endsWith("\"") || token.endsWith("\u201d") || token.endsWith("\",")
                    || token.endsWith("\"?") || token.endsWith("\".");
            if (opens) {
                quoted = true;
            }
            boolean capital = !first && Character.isUpperCase(token.codePointAt(0));
            if (!quoted && !capital) {
                out.append(token).append(' ');
            }
            if (closes) {
                quoted = false;
            }
            first = false;
        }
        return out.toString();
    }

    /**
     * Whether an entity reads as a name, the kind of thing a passage is about: a capital letter, and not only a
     * number or date. A common noun on a fact's far side ("leader", "many other films", "death") is no bridge.
     */
    static boolean named(String name) {
        return name != null && name.chars().anyMatch(Character::isUpperCase) && !SeedFilter.numeric(name);
    }

    /** A crude suffix stemmer: enough to meet "director", "directed" and "directs" at {@code direct}. */
    static String stem(String word) {
        for (String suffix : SUFFIXES) {
            if (word.endsWith(suffix) && word.length() - suffix.length() >= MIN_STEM) {
                return word.substring(0, word.length() - suffix.length());
            }
        }
        return word;
    }

    private static int[][] index(GraphProjection projection) {
        synchronized (BY_CHUNK) {
            int[][] cached = BY_CHUNK.get(projection);
            if (cached != null) {
                return cached;
            }
        }
        int nodes = projection.graph().nodeCount();
        int[] counts = new int[nodes];
        for (int r = 0; r < projection.relationCount(); r++) {
            for (int i = 0; i < projection.relationChunkCount(r); i++) {
                counts[projection.relationChunk(r, i)]++;
            }
        }
        int[][] byChunk = new int[nodes][];
        for (int n = 0; n < nodes; n++) {
            byChunk[n] = counts[n] == 0 ? EMPTY : new int[counts[n]];
        }
        Arrays.fill(counts, 0);
        for (int r = 0; r < projection.relationCount(); r++) {
            for (int i = 0; i < projection.relationChunkCount(r); i++) {
                int c = projection.relationChunk(r, i);
                byChunk[c][counts[c]++] = r;
            }
        }
        synchronized (BY_CHUNK) {
            BY_CHUNK.put(projection, byChunk);
        }
        return byChunk;
    }

    private static final int[] EMPTY = new int[0];
}
