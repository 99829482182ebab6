package dev.engram.store.curation;

import dev.engram.store.knowledge.ChunkKnowledge;
import dev.engram.store.knowledge.EntityRecord;
import dev.engram.store.knowledge.FactRecord;
import dev.engram.store.neo4j.Batches;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Session;

/**
 * What curation tells a later ingest: merged entities' ids lead to the entity they were merged into (aliases),
 * and deleted relations and entities stay deleted for the chunks that had stated them (tombstones, per provenance);
 * a new document stating the same fact brings it back.
 */
public final class CurationRules {
    static final String ALIAS = "EntityAlias";
    static final String TOMBSTONE = "CurationTombstone";

    private final Map<String, String> aliases;
    private final Set<String> deletedFacts;    // s|p|o|chunkId
    private final Set<String> deletedMentions; // entityId|chunkId

    private CurationRules(Map<String, String> aliases, Set<String> deletedFacts, Set<String> deletedMentions) {
        this.aliases = aliases;
        this.deletedFacts = deletedFacts;
        this.deletedMentions = deletedMentions;
    }

    /** The rules that bear on these chunks' knowledge, read from the store. */
    public static CurationRules load(Session session, Collection<ChunkKnowledge> knowledge) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> chunks = new LinkedHashSet<>();
        for (ChunkKnowledge k : knowledge) {
            chunks.add(k.chunkId());
            k.mentions().forEach(e -> ids.add(e.id()));
            k.facts().forEach(f -> { ids.add(f.subjectId()); ids.add(f.objectId()); });
        }
        Map<String, String> aliases = new HashMap<>();
        for (List<String> slice : Batches.of(List.copyOf(ids))) {
            session.executeRead(tx -> tx.run("MATCH (a:" + ALIAS + ") WHERE a.id IN $ids RETURN a.id AS id, a.into AS into",
                    Map.of("ids", slice)).list()).forEach(r -> aliases.put(r.get("id").asString(), r.get("into").asString()));
        }
        Set<String> facts = new HashSet<>();
        Set<String> mentions = new HashSet<>();
        for (List<String> slice : Batches.of(List.copyOf(chunks))) {
            session.executeRead(tx -> tx.run("MATCH (t:" + TOMBSTONE + ") WHERE any(c IN t.chunkIds WHERE c IN $chunks)"
                    + " RETURN t.kind AS kind, t.s AS s, t.p AS p, t.o AS o, [c IN t.chunkIds WHERE c IN $chunks] AS chunks",
                    Map.of("chunks", slice)).list()).forEach(r -> {
                for (Object c : r.get("chunks").asList()) {
                    if (r.get("kind").asString().equals("relation")) {
                        facts.add(r.get("s").asString() + "|" + r.get("p").asString() + "|" + r.get("o").asString() + "|" + c);
                    } else {
                        mentions.add(r.get("s").asString() + "|" + c);
                    }
                }
            });
        }
        return new CurationRules(aliases, facts, mentions);
    }

    /** True when no rule applies (nothing to rewrite). */
    public boolean isEmpty() {
        return aliases.isEmpty() && deletedFacts.isEmpty() && deletedMentions.isEmpty();
    }

    /** The knowledge with aliased ids replaced and deleted mentions and facts left out. */
    public List<ChunkKnowledge> apply(List<ChunkKnowledge> knowledge) {
        if (isEmpty()) {
            return knowledge;
        }
        List<ChunkKnowledge> out = new ArrayList<>(knowledge.size());
        for (ChunkKnowledge k : knowledge) {
            List<EntityRecord> mentions = new ArrayList<>();
            for (EntityRecord e : k.mentions()) {
                String id = resolve(e.id());
                if (!deletedMentions.contains(id + "|" + k.chunkId())) {
                    mentions.add(id.equals(e.id()) ? e : new EntityRecord(id, e.name()));
                }
            }
            List<FactRecord> facts = new ArrayList<>();
            for (FactRecord f : k.facts()) {
                String s = resolve(f.subjectId());
                String o = resolve(f.objectId());
                boolean gone = deletedFacts.contains(s + "|" + f.predicate() + "|" + o + "|" + f.chunkId())
                        || deletedMentions.contains(s + "|" + f.chunkId()) || deletedMentions.contains(o + "|" + f.chunkId());
                if (!gone) {
                    facts.add(new FactRecord(s, f.predicate(), o, f.chunkId()));
                }
            }
            out.add(new ChunkKnowledge(k.chunkId(), mentions, facts));
        }
        return out;
    }

    private String resolve(String id) {
        return aliases.getOrDefault(id, id);
    }
}
