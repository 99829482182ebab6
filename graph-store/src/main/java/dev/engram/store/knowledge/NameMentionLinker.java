package dev.engram.store.knowledge;

import dev.engram.records.triples.EntityNormalizer;
import dev.engram.store.neo4j.Batches;
import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.neo4j.StablePlans;
import dev.engram.store.schema.IndexNames;
import dev.engram.store.search.LuceneQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Session;

/**
 * Links chunks to the entities whose names their text spells out, beyond the ones the extractor put in a triple.
 * "Blood Street is a 1988 film co-directed by Leo Fong" yields no triple naming Leo Fong, yet the entity exists
 * (his own passage is titled so), and the graph walk from the film to its director needs that edge.
 *
 * <p>Both directions, so the result does not depend on ingest order: new chunks are matched against every
 * entity by their capitalised word sequences (looked up by id), and new entities are looked for in every chunk
 * through the full-text index. Only names written capitalised count, and a name found in more than
 * {@link #MAX_CHUNKS} chunks is too common to say what a chunk is about, so it is not linked.
 */
public final class NameMentionLinker {
    /** Longest name looked for, in words. */
    public static final int MAX_WORDS = 6;
    /** A name in more chunks than this is left alone. */
    public static final int MAX_CHUNKS = 20;
    // each row runs a full-text query, or carries a chunk's few hundred candidate names: transactions stay small
    private static final int BATCH = 200;

    private final EntityNormalizer normalizer = new EntityNormalizer();
    private final GraphStore store;

    /** A linker working on {@code store}. */
    public NameMentionLinker(GraphStore store) {
        this.store = store;
    }

    /** Links the given chunks to entities they name, and the new entities to chunks naming them; returns the entity ids touched. */
    public Set<String> link(Collection<String> chunkIds, Map<String, String> newEntityNames) {
        Set<String> touched = new LinkedHashSet<>();
        try (Session session = store.session()) {
            touched.addAll(linkChunks(session, chunkIds));
            touched.addAll(linkEntities(session, newEntityNames));
        }
        return touched;
    }

    private List<String> linkChunks(Session session, Collection<String> chunkIds) {
        List<String> touched = new ArrayList<>();
        for (List<String> slice : Batches.of(List.copyOf(chunkIds), BATCH)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            session.executeRead(tx -> tx.run(StablePlans.PREFIX + "UNWIND $ids AS id MATCH (c:Chunk {id: id}) RETURN c.id AS id, c.text AS text",
                    Map.of("ids", slice)).list()).forEach(r -> {
                Set<String> names = candidateNames(r.get("text").asString(""));
                if (!names.isEmpty()) {
                    rows.add(Map.of("chunk", r.get("id").asString(), "names", List.copyOf(names)));
                }
            });
            if (rows.isEmpty()) {
                continue;
            }
            touched.addAll(session.executeWrite(tx -> tx.run(StablePlans.PREFIX + """
                    UNWIND $rows AS row
                    MATCH (c:Chunk {id: row.chunk})
                    UNWIND row.names AS name
                    MATCH (e:Entity {id: name})
                    WHERE e.chunkCount < $max AND NOT (c)-[:MENTIONS]->(e)
                    MERGE (c)-[:MENTIONS]->(e)
                    RETURN DISTINCT e.id AS id
                    """, Map.of("rows", rows, "max", MAX_CHUNKS)).list(r -> r.get("id").asString())));
        }
        return touched;
    }

    private List<String> linkEntities(Session session, Map<String, String> newEntityNames) {
        List<Map<String, Object>> rows = new ArrayList<>();
        newEntityNames.forEach((id, name) -> {
            String phrase = LuceneQuery.escape(name);
            if (looksLikeName(name) && !phrase.isEmpty()) {
                rows.add(Map.of("id", id, "name", name.strip(), "phrase", "\"" + phrase + "\""));
            }
        });
        List<String> touched = new ArrayList<>();
        for (List<Map<String, Object>> slice : Batches.of(rows, BATCH)) {
            touched.addAll(session.executeWrite(tx -> tx.run(StablePlans.PREFIX + """
                    UNWIND $rows AS row
                    CALL (row) {
                      CALL db.index.fulltext.queryNodes($index, row.phrase, {limit: $max + 1}) YIELD node
                      RETURN collect(node) AS hits
                    }
                    WITH row, hits WHERE 0 < size(hits) <= $max
                    MATCH (e:Entity {id: row.id})
                    UNWIND hits AS c
                    WITH e, c, row WHERE c.text CONTAINS row.name AND NOT (c)-[:MENTIONS]->(e)
                    MERGE (c)-[:MENTIONS]->(e)
                    RETURN DISTINCT e.id AS id
                    """, Map.of("rows", slice, "index", IndexNames.CHUNK_TEXT, "max", MAX_CHUNKS))
                    .list(r -> r.get("id").asString())));
        }
        return touched;
    }

    /** Normalized word sequences of up to {@link #MAX_WORDS} words that start with a capitalised word. */
    public Set<String> candidateNames(String text) {
        List<int[]> words = words(text);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < words.size(); i++) {
            if (!Character.isUpperCase(text.codePointAt(words.get(i)[0]))) {
                continue;
            }
            for (int j = i; j < Math.min(words.size(), i + MAX_WORDS); j++) {
                String name = normalizer.normalize(text.substring(words.get(i)[0], words.get(j)[1]));
                if (name.length() >= 3) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** A display name worth looking for: it starts with a capital letter and is not a lone short word. */
    static boolean looksLikeName(String name) {
        String s = name.strip();
        return s.length() >= 3 && Character.isUpperCase(s.codePointAt(0));
    }

    // runs of letters, digits, marks and apostrophes, as [start, end) offsets; sentence-final dots split words
    private static List<int[]> words(String text) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!wordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < text.length() && wordChar(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            out.add(new int[] {start, i});
        }
        return out;
    }

    private static boolean wordChar(int cp) {
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || cp == '\'' || cp == '’' || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }
}
