package dev.engram.store.curation;

import dev.engram.records.embedding.Embedder;
import dev.engram.store.neo4j.GraphStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;

/**
 * An administrator's edits of the entity graph: merge entities, rename one, delete a relation or a junk entity.
 * Each edit runs in one transaction that also records it in the audit list with a snapshot of the entities it
 * touched, so that the last edits can be undone; merges leave aliases and deletions leave tombstones, which
 * {@link CurationRules} applies to later ingests. Who may curate is the caller's business (the server allows only
 * write keys for every tenant). Renamed entities are re-embedded with {@code embedder}.
 */
public record EntityCuration(GraphStore store, Embedder embedder) {
    /** Most entities merged in one edit. */
    public static final int MAX_MERGE = 50;
    /** Longest entity name. */
    public static final int MAX_NAME = 200;

    /** Refused edit: the message says what was wrong (an unknown id, a bad name). */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** Merges {@code merged} into {@code into}: mentions and relations move, the merged names become aliases. */
    public Edit merge(String into, List<String> merged, String who) {
        List<String> others = merged == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(merged));
        others.remove(into);
        if (others.isEmpty() || others.size() > MAX_MERGE) {
            throw new Refused("merge needs 1 to " + MAX_MERGE + " entities other than the one kept");
        }
        List<String> ids = Snapshot.ids(List.of(into), others);
        return edit(who, "merge", ids, (tx, editId) -> {
            Map<String, String> names = requireEntities(tx, ids);
            for (String m : others) {
                Map<String, Object> p = Map.of("keep", into, "m", m);
                tx.run("MATCH (c:Chunk)-[x:MENTIONS]->(:Entity {id: $m}) MATCH (k:Entity {id: $keep})"
                        + " MERGE (c)-[:MENTIONS]->(k) DELETE x", p).consume();
                moveRelations(tx, p, "(m)-[r:RELATION]->(o:Entity)", "(k)-[n:RELATION {predicate: r.predicate}]->(o)");
                moveRelations(tx, p, "(o:Entity)-[r:RELATION]->(m)", "(o)-[n:RELATION {predicate: r.predicate}]->(k)");
                tx.run("MATCH (a:" + CurationRules.ALIAS + " {into: $m}) SET a.into = $keep", p).consume();
                tx.run("MATCH (m:Entity {id: $m}), (k:Entity {id: $keep})"
                        + " MERGE (a:" + CurationRules.ALIAS + " {id: $m}) SET a.name = m.name, a.into = $keep"
                        + " SET k.aliases = [x IN coalesce(k.aliases, []) WHERE x <> m.name] + m.name"
                        + " + [x IN coalesce(m.aliases, []) WHERE NOT x IN coalesce(k.aliases, [])]"
                        + " DETACH DELETE m", p).consume();
            }
            tx.run("MATCH (k:Entity {id: $keep}) SET k.chunkCount = COUNT { (k)<-[:MENTIONS]-(:Chunk) }",
                    Map.of("keep", into)).consume();
            return "merged " + String.join(", ", others.stream().map(names::get).toList()) + " into " + names.get(into);
        });
    }

    // moves one direction of m's relations onto k: provenance unions, weight follows, self-loops are dropped
    private static void moveRelations(TransactionContext tx, Map<String, Object> p, String from, String to) {
        tx.run("MATCH (m:Entity {id: $m}), (k:Entity {id: $keep}) MATCH " + from + " WHERE o <> k"
                + " MERGE " + to + " ON CREATE SET n.chunkIds = [], n.moved = true"
                + " SET n.chunkIds = n.chunkIds + [x IN coalesce(r.chunkIds, []) WHERE NOT x IN n.chunkIds],"
                + " n.weight = size(n.chunkIds)"
                + " WITH n, r, coalesce(n.moved, false) AS moved REMOVE n.moved"
                + " WITH n, r WHERE moved AND r.embedding IS NOT NULL"
                + " CALL db.create.setRelationshipVectorProperty(n, 'embedding', r.embedding)", p).consume();
    }

    /** Renames an entity (its id stays, so re-ingest finds it); the old name is kept as an alias. */
    public Edit rename(String id, String name, String who) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw new Refused("a name has 1 to " + MAX_NAME + " characters");
        }
        float[] vector = embedder.embedPassages(List.of(clean)).get(0);
        return edit(who, "rename", List.of(id), (tx, editId) -> {
            String old = requireEntities(tx, List.of(id)).get(id);
            tx.run("MATCH (e:Entity {id: $id}) SET e.name = $name,"
                    + " e.aliases = [x IN coalesce(e.aliases, []) WHERE x <> $old AND x <> $name] + $old"
                    + " WITH e CALL db.create.setNodeVectorProperty(e, 'embedding', $vector)",
                    Map.of("id", id, "name", clean, "old", old, "vector", vector)).consume();
            return "renamed " + old + " to " + clean;
        });
    }

    /** Deletes the relation {@code source —predicate→ target}; the chunks that stated it will not state it again. */
    public Edit deleteRelation(String source, String predicate, String target, String who) {
        String p0 = predicate == null ? "" : predicate;
        return edit(who, "delete-relation", List.of(), tx -> Snapshot.relation(tx, source, p0, target), (tx, editId) -> {
            Map<String, String> names = requireEntities(tx, Snapshot.ids(List.of(source), List.of(target)));
            Map<String, Object> p = new HashMap<>(Map.of("s", source, "o", target, "p", predicate == null ? "" : predicate));
            List<String> chunks = tx.run("MATCH (:Entity {id: $s})-[r:RELATION {predicate: $p}]->(:Entity {id: $o})"
                    + " RETURN coalesce(r.chunkIds, []) AS c", p).list(r -> r.get("c").asList(v -> v.asString()))
                    .stream().findFirst().orElseThrow(() -> new Refused("no relation " + source + " —" + predicate + "→ " + target));
            p.put("chunks", chunks);
            p.put("edit", editId);
            tx.run("MATCH (:Entity {id: $s})-[r:RELATION {predicate: $p}]->(:Entity {id: $o}) DELETE r", p).consume();
            tx.run("CREATE (:" + CurationRules.TOMBSTONE + " {kind: 'relation', s: $s, p: $p, o: $o, chunkIds: $chunks, edit: $edit})", p)
                    .consume();
            return "deleted " + names.get(source) + " —" + predicate + "→ " + names.get(target);
        });
    }

    /** Deletes a junk entity with its relations; the chunks that mentioned it will not bring it back. */
    public Edit deleteEntity(String id, String who) {
        return edit(who, "delete-entity", List.of(id), (tx, editId) -> {
            String name = requireEntities(tx, List.of(id)).get(id);
            Map<String, Object> p = new HashMap<>(Map.of("id", id, "edit", editId));
            tx.run("MATCH (e:Entity {id: $id}) OPTIONAL MATCH (c:Chunk)-[:MENTIONS]->(e)"
                    + " WITH e, collect(c.id) AS chunks"
                    + " CREATE (:" + CurationRules.TOMBSTONE + " {kind: 'entity', s: $id, chunkIds: chunks, edit: $edit})"
                    + " WITH e DETACH DELETE e", p).consume();
            return "deleted entity " + name;
        });
    }

    /** The audit list, newest first. */
    public List<Edit> audit(int limit) {
        try (Session session = store.session()) {
            return session.executeRead(tx -> tx.run("MATCH (x:CurationEdit) RETURN x ORDER BY x.seq DESC LIMIT $limit",
                    Map.of("limit", limit)).list(r -> edit(r.get("x").asMap())));
        }
    }

    /** Undoes the newest edit not yet undone, putting its entities back as they were; empty when there is none. */
    public Optional<Edit> undo(String who) {
        try (Session session = store.session()) {
            return session.executeWrite(tx -> {
                var last = tx.run("MATCH (x:CurationEdit) WHERE NOT x.undone RETURN x ORDER BY x.seq DESC LIMIT 1").list();
                if (last.isEmpty()) {
                    return Optional.<Edit>empty();
                }
                Map<String, Object> x = last.get(0).get("x").asMap();
                List<String> ids = ((List<?>) x.get("ids")).stream().map(String::valueOf).toList();
                Snapshot.fromJson((String) x.get("snapshot")).restore(tx, ids);
                tx.run("MATCH (t:" + CurationRules.TOMBSTONE + " {edit: $id}) DELETE t", Map.of("id", x.get("id"))).consume();
                tx.run("MATCH (x:CurationEdit {id: $id}) SET x.undone = true, x.undoneBy = $who, x.undoneAt = datetime()",
                        Map.of("id", x.get("id"), "who", who)).consume();
                Map<String, Object> done = new HashMap<>(x);
                done.put("undone", true);
                return Optional.of(edit(done));
            });
        }
    }

    /** One edit's change to the graph, given its audit id (its tombstones carry it); returns the summary. */
    private interface Change {
        String apply(TransactionContext tx, String editId);
    }

    private Edit edit(String who, String kind, List<String> ids, Change change) {
        return edit(who, kind, ids, tx -> Snapshot.capture(tx, ids), change);
    }

    // ids: the entities an undo replaces with the snapshot (none for a relation: its undo only adds it back)
    private Edit edit(String who, String kind, List<String> ids, java.util.function.Function<TransactionContext, Snapshot> capture,
                      Change change) {
        String id = UUID.randomUUID().toString();
        try (Session session = store.session()) {
            return session.executeWrite(tx -> {
                Snapshot before = capture.apply(tx);
                String summary = change.apply(tx, id);
                Map<String, Object> x = tx.run("""
                        OPTIONAL MATCH (prev:CurationEdit) WITH coalesce(max(prev.seq), 0) + 1 AS seq
                        CREATE (x:CurationEdit {id: $id, seq: seq, at: toString(datetime()), who: $who, kind: $kind,
                                summary: $summary, ids: $ids, snapshot: $snapshot, undone: false})
                        RETURN x
                        """, Map.of("id", id, "who", who, "kind", kind, "summary", summary, "ids", ids,
                        "snapshot", before.toJson())).single().get("x").asMap();
                return edit(x);
            });
        }
    }

    private static Map<String, String> requireEntities(TransactionContext tx, List<String> ids) {
        Map<String, String> names = new HashMap<>();
        tx.run("MATCH (e:Entity) WHERE e.id IN $ids RETURN e.id AS id, e.name AS name", Map.of("ids", ids))
                .list().forEach(r -> names.put(r.get("id").asString(), r.get("name").asString(r.get("id").asString())));
        List<String> missing = ids.stream().filter(i -> !names.containsKey(i)).toList();
        if (!missing.isEmpty()) {
            throw new Refused("no entity with id " + missing);
        }
        return names;
    }

    private static Edit edit(Map<String, Object> x) {
        return new Edit((String) x.get("id"), ((Number) x.get("seq")).longValue(), String.valueOf(x.get("at")),
                (String) x.get("who"), (String) x.get("kind"), (String) x.get("summary"), Boolean.TRUE.equals(x.get("undone")));
    }
}
