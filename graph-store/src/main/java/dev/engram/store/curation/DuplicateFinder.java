package dev.engram.store.curation;

import dev.engram.store.curation.DuplicatePair.Named;
import dev.engram.store.neo4j.GraphStore;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * Likely duplicate entities, ranked, each with its evidence: names equal up to case, punctuation and articles;
 * SYNONYM pairs (names close in meaning, above the synonym threshold); one name containing the other as whole
 * words when the two share neighbours.
 */
public final class DuplicateFinder {
    /** Most entities read to compare names (a larger graph compares its most mentioned ones). */
    public static final int MAX_NAMES = 200_000;

    private final GraphStore store;

    /** A finder over {@code store}. */
    public DuplicateFinder(GraphStore store) {
        this.store = store;
    }

    private record Key(String a, String b) {
        static Key of(String x, String y) {
            return x.compareTo(y) < 0 ? new Key(x, y) : new Key(y, x);
        }
    }

    private static final class Candidate {
        final Named a;
        final Named b;
        double score;
        final List<String> evidence = new ArrayList<>();

        Candidate(Named a, Named b) {
            this.a = a;
            this.b = b;
        }

        void add(double s, String why) {
            score = evidence.isEmpty() ? s : Math.min(1.0, Math.max(score, s) + 0.05);
            evidence.add(why);
        }
    }

    /** The {@code limit} likeliest pairs, best first. */
    public List<DuplicatePair> find(int limit) {
        Map<Key, Candidate> pairs = new LinkedHashMap<>();
        try (Session session = store.session()) {
            session.executeRead(tx -> {
                Map<String, List<Named>> byForm = new HashMap<>();
                for (Record r : tx.run("MATCH (e:Entity) RETURN e.id AS id, e.name AS name, coalesce(e.chunkCount, 0) AS n"
                        + " ORDER BY n DESC LIMIT $max", Map.of("max", MAX_NAMES)).list()) {
                    Named e = named(r, "id", "name", "n");
                    byForm.computeIfAbsent(canonical(e.name()), k -> new ArrayList<>()).add(e);
                }
                byForm.forEach((form, group) -> {
                    for (int i = 1; i < group.size() && !form.isEmpty(); i++) {
                        candidate(pairs, group.get(0), group.get(i)).add(0.95,
                                "names equal up to case, punctuation and articles (“" + group.get(0).name() + "”, “"
                                        + group.get(i).name() + "”)");
                    }
                });
                for (Record r : tx.run("""
                        MATCH (a:Entity)-[s:SYNONYM]->(b:Entity)
                        RETURN a.id AS aid, a.name AS aname, coalesce(a.chunkCount, 0) AS an,
                               b.id AS bid, b.name AS bname, coalesce(b.chunkCount, 0) AS bn, coalesce(s.weight, s.score, 0.0) AS w
                        ORDER BY w DESC LIMIT 2000
                        """).list()) {
                    double w = r.get("w").asDouble();
                    candidate(pairs, named(r, "aid", "aname", "an"), named(r, "bid", "bname", "bn"))
                            .add(Math.min(0.94, w), String.format(Locale.ROOT, "names close in meaning (cosine %.2f)", w));
                }
                for (Record r : tx.run("""
                        MATCH (a:Entity)-[:RELATION]-(n:Entity)-[:RELATION]-(b:Entity)
                        WHERE a <> b AND size(a.name) >= 3 AND size(b.name) > size(a.name)
                          AND toLower(b.name) CONTAINS toLower(a.name)
                        WITH a, b, collect(DISTINCT n.name) AS shared
                        RETURN a.id AS aid, a.name AS aname, coalesce(a.chunkCount, 0) AS an,
                               b.id AS bid, b.name AS bname, coalesce(b.chunkCount, 0) AS bn, shared
                        LIMIT 2000
                        """).list()) {
                    String small = " " + canonical(r.get("aname").asString()) + " ";
                    String big = " " + canonical(r.get("bname").asString()) + " ";
                    if (small.isBlank() || !big.contains(small)) {
                        continue; // "Ridley" in "Ridley Scott", not "Ann" in "Annapolis"
                    }
                    List<String> shared = r.get("shared").asList(v -> v.asString(""));
                    candidate(pairs, named(r, "aid", "aname", "an"), named(r, "bid", "bname", "bn"))
                            .add(0.5 + 0.1 * Math.min(4, shared.size()), "“" + r.get("aname").asString() + "” is part of “"
                                    + r.get("bname").asString() + "”; " + shared.size() + " shared neighbour"
                                    + (shared.size() == 1 ? "" : "s") + ": " + String.join(", ", shared.stream().limit(4).toList()));
                }
                return null;
            });
        }
        return pairs.values().stream()
                .sorted(Comparator.comparingDouble((Candidate c) -> -c.score).thenComparing(c -> c.a.name()))
                .limit(limit)
                .map(c -> {
                    List<String> evidence = new ArrayList<>(c.evidence);
                    evidence.add("mentioned in " + c.a.chunkCount() + " and " + c.b.chunkCount() + " chunks");
                    // the better-attested entity first: the one to keep by default
                    List<Named> both = c.a.chunkCount() >= c.b.chunkCount() ? List.of(c.a, c.b) : List.of(c.b, c.a);
                    return new DuplicatePair(both, Math.round(c.score * 100) / 100.0, evidence);
                })
                .toList();
    }

    /** A name's comparable form: lower case, no accents or punctuation, no leading article, single spaces. */
    static String canonical(String name) {
        String s = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return s.replaceFirst("^(the|a|an) ", "");
    }

    private static Candidate candidate(Map<Key, Candidate> pairs, Named a, Named b) {
        return pairs.computeIfAbsent(Key.of(a.id(), b.id()), k -> new Candidate(a, b));
    }

    private static Named named(Record r, String id, String name, String n) {
        return new Named(r.get(id).asString(), r.get(name).asString(r.get(id).asString()), r.get(n).asLong());
    }
}
