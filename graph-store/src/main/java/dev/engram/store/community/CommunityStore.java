package dev.engram.store.community;

import dev.engram.store.neo4j.Batches;
import dev.engram.store.neo4j.GraphStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/**
 * Stores communities as {@code (:Community)} nodes with {@code (:Entity)-[:IN_COMMUNITY]->(:Community)},
 * {@code (:Chunk)-[:IN_COMMUNITY]->(:Community)} for the passages a theme owns, and
 * {@code (:Community)-[:PARENT]->(:Community)}, replacing the previous set as a whole, and reads them back. What is
 * stored is the view of the whole graph: callers restricted by access rules never read it (see the retrieval
 * module's community views).
 */
public final class CommunityStore {
    private final GraphStore store;

    /** Communities in this store. */
    public CommunityStore(GraphStore store) {
        this.store = store;
    }

    /** Removes every stored community, then writes these (parents before children), in batches. */
    public void replaceAll(List<CommunityRecord> communities, CommunityProgress progress) {
        try (Session session = store.session()) {
            long removed;
            do {
                removed = session.executeWrite(tx -> tx.run(
                        "MATCH (c:Community) WITH c LIMIT 1000 DETACH DELETE c RETURN count(*) AS n").single()
                        .get("n").asLong());
            } while (removed > 0);
            List<List<CommunityRecord>> batches = Batches.of(communities, 200);
            long done = 0;
            progress.advance("store", 0, communities.size());
            for (List<CommunityRecord> batch : batches) {
                List<Map<String, Object>> rows = batch.stream().map(CommunityStore::row).toList();
                session.executeWriteWithoutResult(tx -> tx.run("""
                        UNWIND $rows AS row
                        CREATE (c:Community {id: row.id})
                        SET c.level = row.level, c.size = row.size, c.title = row.title, c.summary = row.summary,
                            c.report = row.report, c.keywords = row.keywords, c.chunkCount = row.chunkCount,
                            c.documentCount = row.documentCount, c.entityIds = row.entityIds,
                            c.facts = row.facts, c.factChunks = row.factChunks, c.factDocuments = row.factDocuments,
                            c.factTitles = row.factTitles, c.sentences = row.sentences,
                            c.sentenceChunks = row.sentenceChunks, c.sentenceDocuments = row.sentenceDocuments,
                            c.sentenceTitles = row.sentenceTitles
                        """, Map.of("rows", rows)).consume());
                session.executeWriteWithoutResult(tx -> tx.run("""
                        UNWIND $rows AS row
                        MATCH (c:Community {id: row.id})
                        WITH c, row WHERE row.embedding IS NOT NULL
                        CALL db.create.setNodeVectorProperty(c, 'embedding', row.embedding)
                        """, Map.of("rows", rows)).consume());
                session.executeWriteWithoutResult(tx -> tx.run("""
                        UNWIND $rows AS row
                        MATCH (c:Community {id: row.id}), (p:Community {id: row.parentId})
                        CREATE (c)-[:PARENT]->(p)
                        """, Map.of("rows", rows)).consume());
                // members: the entities of every community, the chunks a theme owns
                session.executeWriteWithoutResult(tx -> tx.run("""
                        UNWIND $rows AS row
                        MATCH (c:Community {id: row.id})
                        CALL (c, row) {
                            UNWIND row.entityIds AS entityId
                            MATCH (e:Entity {id: entityId})
                            CREATE (e)-[:IN_COMMUNITY]->(c)
                        }
                        CALL (c, row) {
                            UNWIND row.chunkIds AS chunkId
                            MATCH (ch:Chunk {id: chunkId})
                            CREATE (ch)-[:IN_COMMUNITY]->(c)
                        }
                        """, Map.of("rows", rows)).consume());
                done += batch.size();
                progress.advance("store", done, communities.size());
            }
        }
    }

    private static Map<String, Object> row(CommunityRecord c) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", c.id());
        row.put("level", c.level());
        row.put("parentId", c.parentId());
        row.put("size", c.size());
        row.put("title", c.title());
        row.put("summary", c.summary());
        row.put("report", c.report());
        row.put("keywords", c.keywords());
        row.put("chunkCount", c.chunkCount());
        row.put("documentCount", c.documentCount());
        row.put("entityIds", c.entityIds());
        row.put("chunkIds", c.chunkIds());
        row.put("facts", c.facts().stream().map(CitedLine::text).toList());
        row.put("factChunks", c.facts().stream().map(CitedLine::chunkId).toList());
        row.put("factDocuments", c.facts().stream().map(l -> nz(l.documentId())).toList());
        row.put("factTitles", c.facts().stream().map(l -> nz(l.title())).toList());
        row.put("sentences", c.sentences().stream().map(CitedLine::text).toList());
        row.put("sentenceChunks", c.sentences().stream().map(CitedLine::chunkId).toList());
        row.put("sentenceDocuments", c.sentences().stream().map(l -> nz(l.documentId())).toList());
        row.put("sentenceTitles", c.sentences().stream().map(l -> nz(l.title())).toList());
        row.put("embedding", c.embedding());
        return row;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Every stored community with its embedding, level by level, in id order within a level. */
    public List<CommunityRecord> all() {
        try (Session session = store.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (c:Community)
                    OPTIONAL MATCH (c)-[:PARENT]->(p:Community)
                    RETURN c {.*} AS c, p.id AS parent, [(ch:Chunk)-[:IN_COMMUNITY]->(c) | ch.id] AS chunkIds
                    ORDER BY c.level, c.id
                    """).list(CommunityStore::record));
        }
    }

    /** Number of stored communities. */
    public long count() {
        try (Session session = store.session()) {
            return session.run("MATCH (c:Community) RETURN count(c) AS n").single().get("n").asLong();
        }
    }

    private static CommunityRecord record(Record r) {
        Value c = r.get("c");
        List<CitedLine> facts = lines(c, "facts", "factChunks", "factDocuments", "factTitles");
        List<CitedLine> sentences = lines(c, "sentences", "sentenceChunks", "sentenceDocuments", "sentenceTitles");
        float[] embedding = null;
        if (!c.get("embedding").isNull()) {
            List<Double> v = c.get("embedding").asList(Value::asDouble);
            embedding = new float[v.size()];
            for (int i = 0; i < embedding.length; i++) embedding[i] = v.get(i).floatValue();
        }
        return new CommunityRecord(c.get("id").asString(), c.get("level").asInt(), r.get("parent").asString(null),
                c.get("size").asInt(), c.get("title").asString(""), strings(c, "keywords"), facts, sentences,
                c.get("summary").asString(""), c.get("report").asString(null), c.get("chunkCount").asInt(0),
                c.get("documentCount").asInt(0), strings(c, "entityIds"),
                r.get("chunkIds").asList(Value::asString).stream().sorted().toList(), embedding);
    }

    private static List<String> strings(Value c, String key) {
        return c.get(key).isNull() ? List.of() : c.get(key).asList(Value::asString);
    }

    private static List<CitedLine> lines(Value c, String text, String chunks, String docs, String titles) {
        List<String> t = strings(c, text);
        List<String> ch = strings(c, chunks);
        List<String> d = strings(c, docs);
        List<String> ti = strings(c, titles);
        List<CitedLine> out = new ArrayList<>(t.size());
        for (int i = 0; i < t.size() && i < ch.size(); i++) {
            out.add(new CitedLine(t.get(i), ch.get(i), i < d.size() ? d.get(i) : "", i < ti.size() ? ti.get(i) : ""));
        }
        return out;
    }
}
