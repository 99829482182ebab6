package dev.engram.store.projection;

import dev.engram.store.neo4j.GraphStore;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/**
 * Reads entities, chunks, relations, synonyms and mentions out of Neo4j into a {@link GraphProjection}: in full, or
 * as a delta over a previous projection after documents were added ({@link #refresh}).
 */
public record GraphProjector(GraphStore store, ProjectionWeights weights) {

    /**
     * A cheap fingerprint of the graph's size (node and relationship counts, answered from Neo4j's count store, not
     * by a scan), so a server notices that another process ingested or deleted something.
     */
    public String fingerprint() {
        try (Session session = store.session()) {
            long nodes = session.run("MATCH (n) RETURN count(n) AS n").single().get("n").asLong();
            long relationships = session.run("MATCH ()-[r]->() RETURN count(r) AS n").single().get("n").asLong();
            return nodes + ":" + relationships;
        }
    }

    /**
     * Reads the whole graph; streams records, so memory stays proportional to the projection itself. Repeated
     * strings (predicates, document ids, tenants, ACL lists) are stored once.
     */
    public GraphProjection project() {
        try (Session session = store.session()) {
            ProjectionStamp stamp = stamp(session);
            Strings strings = new Strings();
            List<String[]> entityRows = new ArrayList<>();
            List<Integer> entityCounts = new ArrayList<>();
            session.run("MATCH (e:Entity) RETURN e.id AS id, coalesce(e.name, e.id) AS name, "
                    + "coalesce(e.chunkCount, 0) AS n").stream().forEach(r -> {
                        entityRows.add(new String[] {r.get("id").asString(), r.get("name").asString()});
                        entityCounts.add(r.get("n").asInt());
                    });
            List<Object[]> chunkRows = new ArrayList<>();
            session.run("MATCH (c:Chunk) RETURN c.id AS id, c.documentId AS doc, c.tenant AS tenant, "
                    + "coalesce(c.acl, []) AS acl").stream().forEach(r -> chunkRows.add(chunkRow(r, strings)));
            Nodes nodes = Nodes.of(entityRows, entityCounts, chunkRows);
            Map<String, Integer> index = nodes.index();

            ProjectionAssembler rows = new ProjectionAssembler(nodes.ids.length);
            int[] chunkBuffer = new int[16];
            session.run("MATCH (s:Entity)-[r:RELATION]->(o:Entity) RETURN s.id AS s, o.id AS o, "
                    + "r.predicate AS p, coalesce(r.chunkIds, []) AS chunks").stream().forEach(r ->
                    addRelation(rows, index, r, strings, chunkBuffer));
            session.run("MATCH (a:Entity)-[y:SYNONYM]->(b:Entity) WHERE coalesce(y.score, 1.0) >= $min "
                    + "RETURN a.id AS a, b.id AS b, y.score AS score", Map.of("min", weights.minSynonymScore()))
                    .stream().forEach(r -> rows.synonym(index.get(r.get("a").asString()),
                            index.get(r.get("b").asString()), synonymWeight(r)));
            float mention = (float) weights.mention();
            session.run("MATCH (c:Chunk)-[:MENTIONS]->(e:Entity) RETURN c.id AS c, e.id AS e").stream()
                    .forEach((Record r) -> rows.mention(index.get(r.get("c").asString()),
                            index.get(r.get("e").asString()), mention));
            return rows.assemble(nodes.ids, nodes.names, nodes.counts, nodes.entityCount, nodes.docs, nodes.tenants,
                    nodes.acls, stamp);
        }
    }

    /**
     * The previous projection brought up to date with the documents ingested since it was read, without reading the
     * rest of the graph: their chunks, mentions, the relations those chunks support (whole, with all their
     * provenance), the synonyms of new entities, and the new chunk counts of the entities they mention. Empty when a
     * delta cannot explain the change — the store's counts moved by more than the delta (a deletion, an RDF import,
     * an ingest still running) or a document was replaced — and the caller should {@link #project()} instead.
     */
    public Optional<GraphProjection> refresh(GraphProjection previous) {
        ProjectionStamp old = previous.stamp();
        if (old == null) {
            return Optional.empty();
        }
        try (Session session = store.session()) {
            ProjectionStamp stamp = stamp(session);
            Strings strings = new Strings();
            List<String> documents = session.run("MATCH (d:Document) WHERE d.ingestedAt >= $since RETURN d.id AS id",
                    Map.of("since", old.readStart())).list(r -> r.get("id").asString());
            List<Object[]> chunkRows = documents.isEmpty() ? List.of() : session.run("""
                    MATCH (d:Document)<-[:PART_OF]-(c:Chunk) WHERE d.id IN $docs
                    RETURN c.id AS id, c.documentId AS doc, c.tenant AS tenant, coalesce(c.acl, []) AS acl""",
                    Map.of("docs", documents)).list(r -> chunkRow(r, strings));
            List<String> chunkIds = new ArrayList<>();
            for (Object[] row : chunkRows) {
                if (previous.node((String) row[0]) >= 0) {
                    return Optional.empty(); // a replaced document: its old chunks' knowledge changed too
                }
                chunkIds.add((String) row[0]);
            }
            List<String[]> mentions = new ArrayList<>();
            Map<String, String[]> touched = new HashMap<>(); // entity id -> {id, name}
            Map<String, Integer> touchedCounts = new HashMap<>();
            session.run("""
                    MATCH (c:Chunk)-[:MENTIONS]->(e:Entity) WHERE c.id IN $chunks
                    RETURN c.id AS c, e.id AS e, coalesce(e.name, e.id) AS name, coalesce(e.chunkCount, 0) AS n""",
                    Map.of("chunks", chunkIds)).stream().forEach(r -> {
                        String e = r.get("e").asString();
                        mentions.add(new String[] {r.get("c").asString(), e});
                        touched.putIfAbsent(e, new String[] {e, r.get("name").asString()});
                        touchedCounts.put(e, r.get("n").asInt());
                    });
            List<String[]> newEntities = new ArrayList<>();
            List<Integer> newCounts = new ArrayList<>();
            for (String[] e : touched.values()) {
                if (previous.node(e[0]) < 0) {
                    newEntities.add(e);
                    newCounts.add(touchedCounts.get(e[0]));
                }
            }
            // a triple's subject and object are both mentioned by its chunk, so the relations the delta supports join
            // two entities one new chunk mentions; with both ends bound Neo4j expands from the end of smaller degree,
            // never through all of a hub's relations (two MATCH clauses, so s = o, a self-loop fact, is matched too)
            List<Record> relations = session.run("""
                    MATCH (c:Chunk)-[:MENTIONS]->(s:Entity) WHERE c.id IN $chunks
                    MATCH (c)-[:MENTIONS]->(o:Entity)
                    WITH DISTINCT s, o
                    MATCH (s)-[r:RELATION]->(o) WHERE any(x IN r.chunkIds WHERE x IN $chunks)
                    RETURN s.id AS s, o.id AS o, r.predicate AS p, coalesce(r.chunkIds, []) AS chunks""",
                    Map.of("chunks", chunkIds)).list();
            List<String> newIds = newEntities.stream().map(e -> e[0]).toList();
            List<Record> synonyms = session.run("""
                    MATCH (a:Entity)-[y:SYNONYM]->(b:Entity) WHERE a.id IN $ids
                    RETURN a.id AS a, b.id AS b, y.score AS score
                    UNION
                    MATCH (a:Entity)-[y:SYNONYM]->(b:Entity) WHERE b.id IN $ids AND NOT a.id IN $ids
                    RETURN a.id AS a, b.id AS b, y.score AS score""", Map.of("ids", newIds)).list();

            int addedRelations = 0;
            int[] replaced = new int[previous.relationCount()];
            Arrays.fill(replaced, -1);
            for (int i = 0; i < relations.size(); i++) {
                int old0 = oldRelation(previous, relations.get(i));
                if (old0 >= 0) {
                    replaced[old0] = i;
                } else {
                    addedRelations++;
                }
            }
            ProjectionStamp.StoreCounts before = old.counts();
            ProjectionStamp.StoreCounts now = stamp.counts();
            ProjectionStamp.StoreCounts after = counts(session);
            boolean explained = now.equals(after)
                    && now.entities() - before.entities() == newEntities.size()
                    && now.chunks() - before.chunks() == chunkRows.size()
                    && now.relations() - before.relations() == addedRelations
                    && now.synonyms() - before.synonyms() == synonyms.size()
                    && now.mentions() - before.mentions() == mentions.size();
            if (!explained) {
                return Optional.empty();
            }

            // the new node order: old and new ids merged, each kind sorted
            List<String[]> entityRows = new ArrayList<>(newEntities);
            List<Integer> entityCounts = new ArrayList<>(newCounts);
            for (int e = 0; e < previous.entityCount(); e++) {
                String id = previous.nodeId(e);
                entityRows.add(new String[] {id, previous.entityName(e)});
                Integer updated = touchedCounts.get(id);
                entityCounts.add(updated != null ? updated : previous.entityChunkCountsArray()[e]);
            }
            List<Object[]> allChunks = new ArrayList<>(chunkRows);
            for (int c = previous.entityCount(); c < previous.graph().nodeCount(); c++) {
                allChunks.add(new Object[] {previous.nodeId(c), previous.chunkDocumentId(c), previous.chunkTenant(c),
                        previous.chunkAcl(c)});
            }
            Nodes nodes = Nodes.of(entityRows, entityCounts, allChunks);
            Map<String, Integer> index = new HashMap<>();
            for (String[] e : newEntities) {
                index.put(e[0], Arrays.binarySearch(nodes.ids, 0, nodes.entityCount, e[0]));
            }
            for (String c : chunkIds) {
                index.put(c, Arrays.binarySearch(nodes.ids, nodes.entityCount, nodes.ids.length, c));
            }
            int[] remap = new int[previous.graph().nodeCount()];
            for (int v = 0; v < remap.length; v++) {
                String id = previous.nodeId(v);
                remap[v] = v < previous.entityCount() ? Arrays.binarySearch(nodes.ids, 0, nodes.entityCount, id)
                        : Arrays.binarySearch(nodes.ids, nodes.entityCount, nodes.ids.length, id);
            }
            java.util.function.Function<String, Integer> nodeOf = id -> {
                Integer n = index.get(id);
                if (n != null) {
                    return n;
                }
                int p = previous.node(id);
                return p >= 0 ? remap[p] : null;
            };

            ProjectionAssembler rows = new ProjectionAssembler(nodes.ids.length);
            int[] chunkBuffer = new int[16];
            for (int r = 0; r < previous.relationCount(); r++) {
                if (replaced[r] >= 0) {
                    continue;
                }
                int n = previous.relationChunkCount(r);
                if (chunkBuffer.length < n) {
                    chunkBuffer = new int[n];
                }
                for (int i = 0; i < n; i++) {
                    chunkBuffer[i] = remap[previous.relationChunk(r, i)];
                }
                rows.relation(remap[previous.relationSubject(r)], remap[previous.relationObject(r)],
                        previous.relationPredicate(r), previous.relationWeight(r), chunkBuffer, n);
            }
            Map<String, Integer> lookup = new LookupMap(nodeOf);
            for (Record r : relations) {
                addRelation(rows, lookup, r, strings, chunkBuffer);
            }
            for (int s = 0; s < previous.synonymCount(); s++) {
                rows.synonym(remap[previous.synonymFrom(s)], remap[previous.synonymTo(s)], previous.synonymWeight(s));
            }
            for (Record r : synonyms) {
                if (r.get("score").asDouble(1.0) >= weights.minSynonymScore()) {
                    rows.synonym(nodeOf.apply(r.get("a").asString()), nodeOf.apply(r.get("b").asString()),
                            synonymWeight(r));
                }
            }
            dev.engram.pagerank.CsrGraph graph = previous.graph();
            for (int c = previous.entityCount(); c < graph.nodeCount(); c++) {
                for (int a = graph.firstArc(c); a < graph.endArc(c); a++) {
                    rows.mention(remap[c], remap[graph.target(a)], graph.weight(a));
                }
            }
            float mention = (float) weights.mention();
            for (String[] m : mentions) {
                rows.mention(nodeOf.apply(m[0]), nodeOf.apply(m[1]), mention);
            }
            return Optional.of(rows.assemble(nodes.ids, nodes.names, nodes.counts, nodes.entityCount, nodes.docs,
                    nodes.tenants, nodes.acls, stamp));
        }
    }

    private static int oldRelation(GraphProjection previous, Record r) {
        int s = previous.node(r.get("s").asString());
        int o = previous.node(r.get("o").asString());
        if (s < 0 || o < 0) {
            return -1;
        }
        String predicate = r.get("p").asString("");
        int first = previous.relationBetween(s, o);
        if (first < 0) {
            return -1;
        }
        for (int i = first, end = previous.relationRunEnd(first); i < end; i++) {
            if (previous.relationSubject(i) == s && previous.relationObject(i) == o
                    && previous.relationPredicate(i).equals(predicate)) {
                return i;
            }
        }
        return -1;
    }

    private void addRelation(ProjectionAssembler rows, Map<String, Integer> index, Record r, Strings strings,
                             int[] buffer) {
        List<Value> chunks = r.get("chunks").asList(v -> v);
        int[] nodes = buffer.length >= chunks.size() ? buffer : new int[chunks.size()];
        int n = 0;
        for (Value v : chunks) {
            Integer node = index.get(v.asString());
            if (node != null) {
                nodes[n++] = node;
            }
        }
        rows.relation(index.get(r.get("s").asString()), index.get(r.get("o").asString()),
                strings.of(r.get("p").asString("")), (float) (weights.relation() * Math.max(1, chunks.size())), nodes, n);
    }

    private float synonymWeight(Record r) {
        return (float) (weights.synonym() * r.get("score").asDouble(1.0));
    }

    private static Object[] chunkRow(Record r, Strings strings) {
        List<String> acl = r.get("acl").asList(Value::asString);
        return new Object[] {r.get("id").asString(), strings.of(r.get("doc").asString(null)),
                r.get("tenant").isNull() ? null : strings.of(r.get("tenant").asString()), strings.list(acl)};
    }

    private static ProjectionStamp stamp(Session session) {
        ProjectionStamp.StoreCounts counts = counts(session);
        ZonedDateTime now = session.run("RETURN datetime() AS now").single().get("now").asZonedDateTime();
        return new ProjectionStamp(now, counts);
    }

    private static ProjectionStamp.StoreCounts counts(Session session) {
        Record r = session.run("""
                CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
                CALL () { MATCH (c:Chunk) RETURN count(c) AS chunks }
                CALL () { MATCH ()-[r:RELATION]->() RETURN count(r) AS relations }
                CALL () { MATCH ()-[r:SYNONYM]->() RETURN count(r) AS synonyms }
                CALL () { MATCH ()-[r:MENTIONS]->() RETURN count(r) AS mentions }
                RETURN entities, chunks, relations, synonyms, mentions""").single();
        return new ProjectionStamp.StoreCounts(r.get("entities").asLong(), r.get("chunks").asLong(),
                r.get("relations").asLong(), r.get("synonyms").asLong(), r.get("mentions").asLong());
    }

    /** A read-only map view over a lookup function, for the relation reader shared with the full read. */
    private static final class LookupMap extends java.util.AbstractMap<String, Integer> {
        private final java.util.function.Function<String, Integer> lookup;

        LookupMap(java.util.function.Function<String, Integer> lookup) {
            this.lookup = lookup;
        }

        @Override
        public Integer get(Object key) {
            return lookup.apply((String) key);
        }

        @Override
        public Set<Entry<String, Integer>> entrySet() {
            throw new UnsupportedOperationException();
        }
    }

    /** The node table: entities sorted by id, then chunks sorted by id, with their attributes. */
    private record Nodes(String[] ids, String[] names, int[] counts, int entityCount, String[] docs, String[] tenants,
                         List<String>[] acls) {
        @SuppressWarnings("unchecked")
        static Nodes of(List<String[]> entities, List<Integer> entityCounts, List<Object[]> chunks) {
            Integer[] eo = sortedBy(entities.size(), i -> entities.get(i)[0]);
            Integer[] co = sortedBy(chunks.size(), i -> (String) chunks.get(i)[0]);
            int ne = entities.size();
            int n = ne + chunks.size();
            String[] ids = new String[n];
            String[] names = new String[ne];
            int[] counts = new int[ne];
            for (int i = 0; i < ne; i++) {
                String[] e = entities.get(eo[i]);
                ids[i] = e[0];
                names[i] = e[1].equals(e[0]) ? e[0] : e[1];
                counts[i] = entityCounts.get(eo[i]);
            }
            String[] docs = new String[chunks.size()];
            String[] tenants = new String[chunks.size()];
            List<String>[] acls = new List[chunks.size()];
            for (int i = 0; i < chunks.size(); i++) {
                Object[] c = chunks.get(co[i]);
                ids[ne + i] = (String) c[0];
                docs[i] = (String) c[1];
                tenants[i] = (String) c[2];
                acls[i] = (List<String>) c[3];
            }
            return new Nodes(ids, names, counts, ne, docs, tenants, acls);
        }

        Map<String, Integer> index() {
            Map<String, Integer> index = new HashMap<>(ids.length * 2);
            for (int i = 0; i < ids.length; i++) {
                index.put(ids[i], i);
            }
            return index;
        }

        private static Integer[] sortedBy(int n, java.util.function.IntFunction<String> key) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> key.apply(a).compareTo(key.apply(b)));
            return order;
        }
    }

    /** Shares equal strings and ACL lists within one read. */
    private static final class Strings {
        private final Map<String, String> strings = new HashMap<>();
        private final Map<List<String>, List<String>> lists = new HashMap<>();

        String of(String value) {
            return value == null ? null : strings.computeIfAbsent(value, v -> v);
        }

        List<String> list(List<String> value) {
            if (value.isEmpty()) {
                return List.of();
            }
            return lists.computeIfAbsent(value.stream().map(this::of).toList(), v -> v);
        }
    }
}
