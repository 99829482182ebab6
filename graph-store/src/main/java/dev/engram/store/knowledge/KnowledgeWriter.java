package dev.engram.store.knowledge;

import dev.engram.records.embedding.Embedder;
import dev.engram.store.curation.CurationRules;
import dev.engram.store.neo4j.Batches;
import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.neo4j.StablePlans;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Session;

/**
 * Writes the knowledge extracted from chunks: entities, MENTIONS (every entity a chunk's knowledge names, and the
 * subject and object of every fact it states), and one RELATION per distinct fact with its supporting chunk ids.
 * Only entities and facts new to the store are embedded. Chunk counts are left to {@link #recount}, which the caller
 * runs once its resolvers (name mentions, synonyms) have added their edges too.
 */
public final class KnowledgeWriter {

    /** Texts per embedder call (new entity names, then fresh facts): enough to keep every core busy. */
    public static final int EMBED_BATCH = 256;

    // statements found by unique seeks alone keep their plan while the graph grows (see StablePlans)
    private static final String SEEKS_ONLY = StablePlans.PREFIX;

    private final GraphStore store;
    private final Embedder embedder;
    private final boolean embedNames;

    /** A writer to {@code store} embedding new entity names and facts with {@code embedder}. */
    public KnowledgeWriter(GraphStore store, Embedder embedder) {
        this(store, embedder, true);
    }

    /**
     * A writer that embeds new facts, and new entity names only when {@code embedNames}; otherwise entities are
     * created without a vector, for {@link MissingEntityVectors} to embed once the whole run is in.
     */
    public KnowledgeWriter(GraphStore store, Embedder embedder, boolean embedNames) {
        this.store = store;
        this.embedder = embedder;
        this.embedNames = embedNames;
    }

    record Mention(String chunkId, String entityId) {}

    record FactKey(String subjectId, String predicate, String objectId) {}

    /**
     * Writes the knowledge of these chunks (which must already be in the lexical graph); idempotent. Curation
     * comes first: merged entities' ids lead to the entity kept, deleted relations and entities stay deleted.
     */
    public KnowledgeWriteSummary write(List<ChunkKnowledge> extracted) {
        return write(prepare(extracted, null));
    }

    /**
     * Everything of a write but the writing: curation, which entities and facts are new, and their embeddings. An
     * ingest runs it for one batch while the previous batch is still being written; {@code previous} is that batch
     * (or null), whose new entities and facts may not be visible yet and must not be embedded twice.
     */
    public PreparedKnowledge prepare(List<ChunkKnowledge> extracted, PreparedKnowledge previous) {
        List<ChunkKnowledge> knowledge;
        try (Session session = store.session()) {
            knowledge = CurationRules.load(session, extracted).apply(extracted);
        }
        Map<String, String> names = new LinkedHashMap<>();
        Set<Mention> mentions = new LinkedHashSet<>();
        Map<FactKey, Set<String>> facts = new LinkedHashMap<>();
        collect(knowledge, names, mentions, facts, !embedNames);
        Map<String, String> surface = Map.copyOf(names); // this batch's own spelling of each name
        List<String> chunkIds = knowledge.stream().map(ChunkKnowledge::chunkId).distinct().toList();
        if (names.isEmpty() && chunkIds.isEmpty()) {
            return PreparedKnowledge.EMPTY;
        }
        Map<String, String> earlierNames = previous == null ? Map.of() : previous.newNames;
        Set<FactKey> earlierFacts = previous == null ? Set.of() : previous.freshFacts;
        try (Session session = store.session()) {
            Map<String, String> stored = storedNames(session, names.keySet());
            List<String> newIds = names.keySet().stream()
                    .filter(id -> !stored.containsKey(id) && !earlierNames.containsKey(id)).toList();
            Map<String, String> newNames = new LinkedHashMap<>();
            newIds.forEach(id -> newNames.put(id, names.get(id)));
            // facts read with the names the graph shows, or will once the previous batch is written
            names.keySet().forEach(id -> {
                String earlier = earlierNames.get(id);
                if (earlier != null) {
                    names.put(id, earlier);
                }
            });
            names.putAll(stored);
            Set<FactKey> existing = existingFacts(session, facts.keySet());
            List<FactKey> fresh = facts.keySet().stream()
                    .filter(k -> !existing.contains(k) && !earlierFacts.contains(k)).toList();
            // names and facts in separate calls, as always: with batched runs a vector depends slightly on the texts
            // run beside it, and mixing the two kinds moved a few synonym edges across the threshold
            long t = System.nanoTime();
            List<String> namesToEmbed = embedNames ? newIds.stream().map(names::get).toList() : List.of();
            List<float[]> nameVectors = embed(namesToEmbed);
            List<float[]> vectors = embed(fresh.stream().map(k -> factText(k, names)).toList());
            KnowledgeWriteSummary.Embedded embedded = new KnowledgeWriteSummary.Embedded(namesToEmbed.size(),
                    fresh.size(), namesToEmbed.isEmpty() && fresh.isEmpty() ? 0 : System.nanoTime() - t);
            Map<FactKey, float[]> factVectors = new LinkedHashMap<>();
            for (int i = 0; i < fresh.size(); i++) {
                factVectors.put(fresh.get(i), vectors.get(i));
            }
            // a spelling that sorts before the one stored replaces it, when names are embedded only at the end
            Map<String, String> respelled = new LinkedHashMap<>();
            if (!embedNames) {
                surface.forEach((id, name) -> {
                    String known = stored.getOrDefault(id, earlierNames.get(id));
                    if (known != null && name.compareTo(known) < 0) {
                        respelled.put(id, name);
                    }
                });
            }
            return new PreparedKnowledge(names, mentions, facts, chunkIds, newNames, nameVectors, factVectors, embedded,
                    respelled);
        }
    }

    /**
     * Writes a prepared batch. When it was prepared against a {@code previous} batch, that batch must have been
     * written first (its entities are matched, not created, here).
     */
    public KnowledgeWriteSummary write(PreparedKnowledge prepared) {
        if (prepared.isEmpty()) {
            return KnowledgeWriteSummary.EMPTY;
        }
        try (Session session = store.session()) {
            List<String> newIds = List.copyOf(prepared.newNames.keySet());
            int entitiesCreated = writeEntities(session, newIds, prepared.names, prepared.nameVectors, !embedNames);
            respell(session, prepared.respelled);
            writeMentions(session, prepared.mentions);
            int relationsCreated = writeFacts(session, prepared.facts, prepared.factVectors);
            return new KnowledgeWriteSummary(entitiesCreated, relationsCreated, prepared.mentions.size(),
                    prepared.facts.size(), prepared.chunkIds, prepared.names.keySet(), prepared.newNames,
                    prepared.embedded);
        }
    }

    private List<float[]> embed(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (List<String> slice : Batches.of(texts, EMBED_BATCH)) {
            vectors.addAll(embedder.embedPassages(slice));
        }
        return vectors;
    }

    /** Entity names (first surface form), mentions and distinct facts with their chunks, in reading order. */
    private static void collect(List<ChunkKnowledge> knowledge, Map<String, String> names, Set<Mention> mentions,
                                Map<FactKey, Set<String>> facts, boolean firstSortedSpelling) {
        for (ChunkKnowledge chunk : knowledge) {
            for (EntityRecord e : chunk.mentions()) {
                if (firstSortedSpelling) {
                    // the name whose spelling sorts first, so that it does not depend on which document came first
                    names.merge(e.id(), e.name(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
                } else {
                    names.putIfAbsent(e.id(), e.name());
                }
                mentions.add(new Mention(chunk.chunkId(), e.id()));
            }
        }
        for (ChunkKnowledge chunk : knowledge) {
            for (FactRecord f : chunk.facts()) {
                if (f.subjectId().equals(f.objectId()) || f.predicate().isBlank()) {
                    continue; // a self-loop adds nothing to the graph walk
                }
                names.putIfAbsent(f.subjectId(), f.subjectId());
                names.putIfAbsent(f.objectId(), f.objectId());
                // the deleter finds a fact through its chunk's mention of the subject: keep that invariant
                mentions.add(new Mention(f.chunkId(), f.subjectId()));
                mentions.add(new Mention(f.chunkId(), f.objectId()));
                facts.computeIfAbsent(new FactKey(f.subjectId(), f.predicate(), f.objectId()), k -> new LinkedHashSet<>())
                        .add(f.chunkId());
            }
        }
    }

    /** Sets each entity's chunkCount to the number of chunks mentioning it (node specificity for the walk). */
    public void recount(Collection<String> entityIds) {
        try (Session session = store.session()) {
            recountChunks(session, entityIds);
        }
    }

    private static Map<String, String> storedNames(Session session, Collection<String> ids) {
        Map<String, String> stored = new HashMap<>();
        for (List<String> slice : Batches.of(List.copyOf(ids))) {
            session.executeRead(tx -> tx.run(SEEKS_ONLY
                    + "UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN e.id AS id, e.name AS name", Map.of("ids", slice))
                    .list())
                    .forEach(r -> stored.put(r.get("id").asString(), r.get("name").asString(r.get("id").asString())));
        }
        return stored;
    }

    private static int writeEntities(Session session, List<String> newIds, Map<String, String> names,
                                     List<float[]> vectors, boolean firstSortedSpelling) {
        // another worker may have created the entity since this batch was prepared: the spelling that sorts first wins
        String onMatch = firstSortedSpelling
                ? "  ON MATCH SET e.name = CASE WHEN row.name < e.name THEN row.name ELSE e.name END\n" : "";
        List<Map<String, Object>> rows = new ArrayList<>(newIds.size());
        for (int i = 0; i < newIds.size(); i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", newIds.get(i));
            row.put("name", names.get(newIds.get(i)));
            row.put("embedding", i < vectors.size() ? vectors.get(i) : null); // none: embedded at the end of the run
            rows.add(row);
        }
        int created = 0;
        for (List<Map<String, Object>> slice : Batches.of(rows)) {
            created += session.executeWrite(tx -> tx.run(SEEKS_ONLY + """
                    UNWIND $rows AS row
                    MERGE (e:Entity {id: row.id})
                      ON CREATE SET e.name = row.name, e.chunkCount = 0
                    """ + onMatch + """
                    WITH e, row WHERE row.embedding IS NOT NULL
                    CALL db.create.setNodeVectorProperty(e, 'embedding', row.embedding)
                    """, Map.of("rows", slice)).consume().counters().nodesCreated());
        }
        return created;
    }

    // the spelling that sorts first wins, whichever writer comes last
    private static void respell(Session session, Map<String, String> respelled) {
        if (respelled.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        respelled.forEach((id, name) -> rows.add(Map.of("id", id, "name", name)));
        for (List<Map<String, Object>> slice : Batches.of(rows)) {
            session.executeWriteWithoutResult(tx -> tx.run(SEEKS_ONLY + """
                    UNWIND $rows AS row
                    MATCH (e:Entity {id: row.id}) WHERE row.name < e.name
                    SET e.name = row.name
                    """, Map.of("rows", slice)).consume());
        }
    }

    private static void writeMentions(Session session, Set<Mention> mentions) {
        List<Map<String, Object>> rows = mentions.stream()
                .map(m -> Map.<String, Object>of("chunkId", m.chunkId(), "entityId", m.entityId()))
                .toList();
        for (List<Map<String, Object>> slice : Batches.of(rows)) {
            session.executeWriteWithoutResult(tx -> tx.run(SEEKS_ONLY + """
                    UNWIND $rows AS row
                    MATCH (c:Chunk {id: row.chunkId})
                    MATCH (e:Entity {id: row.entityId})
                    MERGE (c)-[:MENTIONS]->(e)
                    """, Map.of("rows", slice)).consume());
        }
    }

    private static int writeFacts(Session session, Map<FactKey, Set<String>> facts, Map<FactKey, float[]> vectors) {
        List<Map<String, Object>> rows = new ArrayList<>(facts.size());
        facts.forEach((key, chunkIds) -> {
            Map<String, Object> row = new HashMap<>();
            row.put("s", key.subjectId());
            row.put("p", key.predicate());
            row.put("o", key.objectId());
            row.put("chunkIds", List.copyOf(chunkIds));
            row.put("embedding", vectors.get(key));
            rows.add(row);
        });
        int created = 0;
        for (List<Map<String, Object>> slice : Batches.of(rows)) {
            // planned as usual: the relationship index on predicate is an alternative plan for this MERGE
            created += session.executeWrite(tx -> tx.run("""
                    UNWIND $rows AS row
                    MATCH (s:Entity {id: row.s}), (o:Entity {id: row.o})
                    MERGE (s)-[r:RELATION {predicate: row.p}]->(o)
                      ON CREATE SET r.chunkIds = []
                    SET r.chunkIds = r.chunkIds + [x IN row.chunkIds WHERE NOT x IN r.chunkIds]
                    SET r.weight = size(r.chunkIds)
                    WITH r, row WHERE row.embedding IS NOT NULL
                    CALL db.create.setRelationshipVectorProperty(r, 'embedding', row.embedding)
                    """, Map.of("rows", slice)).consume().counters().relationshipsCreated());
        }
        return created;
    }

    private static Set<FactKey> existingFacts(Session session, Collection<FactKey> keys) {
        List<Map<String, Object>> rows = keys.stream()
                .map(k -> Map.<String, Object>of("s", k.subjectId(), "p", k.predicate(), "o", k.objectId()))
                .toList();
        Set<FactKey> existing = new HashSet<>();
        for (List<Map<String, Object>> slice : Batches.of(rows)) {
            session.executeRead(tx -> tx.run("""
                    UNWIND $rows AS row
                    MATCH (:Entity {id: row.s})-[r:RELATION {predicate: row.p}]->(:Entity {id: row.o})
                    RETURN DISTINCT row.s AS s, row.p AS p, row.o AS o
                    """, Map.of("rows", slice)).list())
                    .forEach(r -> existing.add(new FactKey(r.get("s").asString(), r.get("p").asString(), r.get("o").asString())));
        }
        return existing;
    }

    /** The text a fact is embedded as, so a question can be matched against whole facts (HippoRAG 2). */
    public static String factText(String subject, String predicate, String object) {
        return "(" + subject + ", " + predicate + ", " + object + ")";
    }

    private static String factText(FactKey key, Map<String, String> names) {
        return factText(names.getOrDefault(key.subjectId(), key.subjectId()), key.predicate(),
                names.getOrDefault(key.objectId(), key.objectId()));
    }

    private static void recountChunks(Session session, Collection<String> entityIds) {
        for (List<String> slice : Batches.of(List.copyOf(entityIds))) {
            session.executeWriteWithoutResult(tx -> tx.run(SEEKS_ONLY + """
                    UNWIND $ids AS id
                    MATCH (e:Entity {id: id})
                    SET e.chunkCount = COUNT { (e)<-[:MENTIONS]-(:Chunk) }
                    """, Map.of("ids", slice)).consume());
        }
    }
}
