package dev.engram.retrieval.decompose;

import dev.engram.records.triples.EntityNormalizer;
import dev.engram.retrieval.RankedPassage;
import dev.engram.store.search.AccessFilter;
import dev.engram.store.search.EntityRelation;
import dev.engram.store.search.RelationSearch;
import dev.engram.store.search.ScoredEntity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Resolves a relational hop ("the director of X") from the graph: X linked to its entities by name, then X's
 * relations whose predicate holds one of the noun's cues ({@link RelationalNouns}), in the direction the predicate
 * reads, the heaviest first; the entity at the other end is the answer. Only what the caller may read is used.
 * Hops without a relational noun (an LLM plan's) are not resolved here.
 *
 * @param names     entities whose name matches a text, best first, among those the caller may read
 * @param relations the relation lookup
 */
public record GraphHopResolver(BiFunction<String, AccessFilter, List<ScoredEntity>> names, RelationSearch relations,
                               RelationalNouns nouns) implements RelationalHopResolver {
    private static final EntityNormalizer NORMALIZER = new EntityNormalizer();
    // "X is a 1865 play by Y", "X was an album by Y": the work-by shape that states an author or performer
    private static final java.util.regex.Pattern WORK_BY = java.util.regex.Pattern.compile(
            "^(is|was|are|were) (a|an|the) .*\\bby$");
    /** Entities one name is linked to at most. */
    static final int MAX_ENTITIES = 3;

    @Override
    public Resolution follow(RelationalNouns.Noun noun, String argument, List<RankedPassage> passages,
                             AccessFilter access) {
        List<String> ids = link(argument, access);
        if (ids.isEmpty()) {
            return Resolution.none("no entity named \"" + argument + "\"");
        }
        List<String> cues = new ArrayList<>(noun.cues().stream().map(c -> c.startsWith(">") ? c.substring(1) : c)
                .toList());
        if (noun.by()) {
            cues.add(" by");
        }
        EntityRelation best = null;
        double bestScore = 0;
        for (EntityRelation r : relations.around(ids, cues, access, RelationSearch.MAX_RESULTS)) {
            if (!reads(noun, r) || ids.contains(r.otherId())) {
                continue;
            }
            // a named entity at the other end, an earlier-linked X and a heavier relation go first
            double score = r.weight() + (named(r.otherName()) ? 10 : 0) + (ids.indexOf(r.entityId()) == 0 ? 1 : 0);
            if (best == null || score > bestScore) {
                best = r;
                bestScore = score;
            }
        }
        if (best == null) {
            return Resolution.none("no relation of \"" + argument + "\" states its " + noun.noun());
        }
        String name = best.otherName() == null ? best.otherId() : best.otherName();
        String how = best.outgoing() ? "graph: " + argument + " —" + best.predicate() + "→ " + name
                : "graph: " + name + " —" + best.predicate() + "→ " + argument;
        return new Resolution(new Bridge(name, how, best.chunkIds()), null);
    }

    // whether the relation, seen from X, says the other end is X's <noun>
    static boolean reads(RelationalNouns.Noun noun, EntityRelation r) {
        if (noun.symmetric()) {
            return true;
        }
        String p = r.predicate().toLowerCase(Locale.ROOT);
        if (noun.by() && r.outgoing() && WORK_BY.matcher(p).matches()) {
            return true;
        }
        for (String cue : noun.cues()) {
            boolean out = cue.startsWith(">");
            String c = out ? cue.substring(1) : cue;
            if (!p.contains(c)) {
                continue;
            }
            boolean passive = p.endsWith(" by");
            if ((out || passive) == r.outgoing()) {
                return true;
            }
        }
        return false;
    }

    private List<String> link(String argument, AccessFilter access) {
        String wanted = NORMALIZER.normalize(argument);
        List<String> exact = new ArrayList<>();
        List<String> close = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ScoredEntity e : names.apply(argument, access)) {
            if (!seen.add(e.id())) {
                continue;
            }
            String n = NORMALIZER.normalize(e.name() == null ? e.id() : e.name());
            if (n.equals(wanted) || e.id().equals(wanted)) {
                exact.add(e.id());
            } else if (!wanted.isEmpty() && (n.contains(wanted) || wanted.contains(n)) && n.length() > 2) {
                close.add(e.id());
            }
        }
        exact.addAll(close);
        return exact.subList(0, Math.min(MAX_ENTITIES, exact.size()));
    }

    private static boolean named(String name) {
        return name != null && name.chars().anyMatch(c -> Character.isUpperCase(c) || Character.isDigit(c));
    }

    @Override
    public String withoutNoun() {
        return "no relational noun to follow in the graph";
    }
}
