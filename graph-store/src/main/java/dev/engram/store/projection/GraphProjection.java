package dev.engram.store.projection;

import dev.engram.pagerank.CsrGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The knowledge graph in memory, for PageRank and path finding: entities are nodes {@code 0..entityCount-1} sorted
 * by id, chunks follow them, sorted by id too, so a node is found by binary search and no per-node map is held.
 *
 * <p>Compact by construction: the graph is a {@link CsrGraph} without edge references (8 bytes an arc); relations
 * are sorted by their unordered endpoint pair (then subject and predicate), so the relation behind an entity–entity
 * arc is found by binary search over the endpoint columns instead of a per-arc reference; relation provenance is one
 * int column of chunk nodes; MENTIONS edges live only in the graph (a chunk's arcs are its mentions); repeated
 * strings (predicates, document ids, tenants, ACL lists) are shared. The canonical order makes a projection
 * refreshed from a delta identical to one rebuilt from scratch.
 */
public final class GraphProjection {
    private final String[] nodeIds;
    private final String[] entityNames;
    private final int[] entityChunkCounts;
    private final int entityCount;
    private final String[] chunkDocumentIds;
    private final String[] chunkTenants;
    private final List<String>[] chunkAcls;
    private final int[] relationSubjects;
    private final int[] relationObjects;
    private final String[] relationPredicates;
    private final float[] relationWeights;
    private final int[] provenanceStart;
    private final int[] provenanceChunks;
    private final int[] synonymFrom;
    private final int[] synonymTo;
    private final float[] synonymWeights;
    private final CsrGraph graph;
    /** One bit an arc: set when the arc joins two entities that a relation joins (derived, so not compared). */
    private final long[] relationArcs;
    private final int mentionCount;
    private final ProjectionStamp stamp;

    @SuppressWarnings("checkstyle:ParameterNumber")
    GraphProjection(String[] nodeIds, String[] entityNames, int[] entityChunkCounts, int entityCount,
                    String[] chunkDocumentIds, String[] chunkTenants, List<String>[] chunkAcls,
                    int[] relationSubjects, int[] relationObjects, String[] relationPredicates, float[] relationWeights,
                    int[] provenanceStart, int[] provenanceChunks, int[] synonymFrom, int[] synonymTo,
                    float[] synonymWeights, CsrGraph graph, int mentionCount, ProjectionStamp stamp) {
        this.nodeIds = nodeIds;
        this.entityNames = entityNames;
        this.entityChunkCounts = entityChunkCounts;
        this.entityCount = entityCount;
        this.chunkDocumentIds = chunkDocumentIds;
        this.chunkTenants = chunkTenants;
        this.chunkAcls = chunkAcls;
        this.relationSubjects = relationSubjects;
        this.relationObjects = relationObjects;
        this.relationPredicates = relationPredicates;
        this.relationWeights = relationWeights;
        this.provenanceStart = provenanceStart;
        this.provenanceChunks = provenanceChunks;
        this.synonymFrom = synonymFrom;
        this.synonymTo = synonymTo;
        this.synonymWeights = synonymWeights;
        this.graph = graph;
        this.mentionCount = mentionCount;
        this.stamp = stamp;
        this.relationArcs = markRelationArcs();
    }

    // once per projection, so that a path search tests a bit where it would binary-search the relations at every
    // arc (at 10^6 edges that search was most of a graphrag query's path stage)
    private long[] markRelationArcs() {
        long[] bits = new long[(int) ((graph.arcCount() + 63) >>> 6)];
        for (int u = 0; u < entityCount; u++) {
            for (int a = graph.firstArc(u), end = graph.endArc(u); a < end; a++) {
                int v = graph.target(a);
                if (v >= entityCount) {
                    break; // a node's arcs are sorted by target, and chunks follow the entities
                }
                if (relationBetween(u, v) >= 0) {
                    bits[a >>> 6] |= 1L << a;
                }
            }
        }
        return bits;
    }

    /** Whether an arc joins two entities that a relation joins (rather than only a synonym, or a mention). */
    public boolean isRelationArc(int arc) {
        return (relationArcs[arc >>> 6] & (1L << arc)) != 0;
    }

    /** The undirected weighted graph over entities and chunks. */
    public CsrGraph graph() {
        return graph;
    }

    /** What the store held when this projection was read, for a later delta refresh; null when not from a store. */
    public ProjectionStamp stamp() {
        return stamp;
    }

    /** Number of entity nodes; entity node ids are {@code 0..entityCount()-1}. */
    public int entityCount() {
        return entityCount;
    }

    /** Number of chunk nodes; chunk node ids follow the entities. */
    public int chunkCount() {
        return nodeIds.length - entityCount;
    }

    /** True when the node is a chunk. */
    public boolean isChunk(int node) {
        return node >= entityCount;
    }

    /** The Neo4j id ({@code Entity.id} or {@code Chunk.id}) of a node. */
    public String nodeId(int node) {
        return nodeIds[node];
    }

    /** The node of an entity or chunk id, or -1 when it is not in the graph (a binary search, entities first). */
    public int node(String id) {
        int e = Arrays.binarySearch(nodeIds, 0, entityCount, id);
        if (e >= 0) {
            return e;
        }
        int c = Arrays.binarySearch(nodeIds, entityCount, nodeIds.length, id);
        return c >= 0 ? c : -1;
    }

    /** The display name of an entity node. */
    public String entityName(int node) {
        return entityNames[node];
    }

    /** How many chunks mention an entity node (at least 1). */
    public int entityChunkCount(int node) {
        return Math.max(1, entityChunkCounts[node]);
    }

    /** The document of a chunk node. */
    public String chunkDocumentId(int node) {
        return chunkDocumentIds[node - entityCount];
    }

    /** The tenant of a chunk node, or null for none. */
    public String chunkTenant(int node) {
        return chunkTenants[node - entityCount];
    }

    /** The ACL groups of a chunk node; empty means readable within its tenant. */
    public List<String> chunkAcl(int node) {
        return chunkAcls[node - entityCount];
    }

    /** Number of RELATION edges; their indexes are {@code 0..relationCount()-1}. */
    public int relationCount() {
        return relationPredicates.length;
    }

    /** Subject node of a relation. */
    public int relationSubject(int relation) {
        return relationSubjects[relation];
    }

    /** Object node of a relation. */
    public int relationObject(int relation) {
        return relationObjects[relation];
    }

    /** Predicate of a relation. */
    public String relationPredicate(int relation) {
        return relationPredicates[relation];
    }

    /** The weight a relation adds to the arcs between its entities. */
    public float relationWeight(int relation) {
        return relationWeights[relation];
    }

    /** Number of chunk nodes a relation was extracted from (those still in the graph). */
    public int relationChunkCount(int relation) {
        return provenanceStart[relation + 1] - provenanceStart[relation];
    }

    /** The {@code i}-th chunk node a relation was extracted from. */
    public int relationChunk(int relation, int i) {
        return provenanceChunks[provenanceStart[relation] + i];
    }

    /** Ids of the chunks a relation was extracted from. */
    public List<String> relationChunkIds(int relation) {
        int from = provenanceStart[relation];
        int to = provenanceStart[relation + 1];
        List<String> ids = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            ids.add(nodeIds[provenanceChunks[i]]);
        }
        return ids;
    }

    /**
     * The first relation (lowest index) between two entity nodes in either direction, or -1: the one an arc between
     * them is explained by. A binary search over the relations, which are sorted by their endpoint pair.
     */
    public int relationBetween(int a, int b) {
        long key = pairKey(a, b);
        int lo = 0;
        int hi = relationSubjects.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (pairKey(relationSubjects[mid], relationObjects[mid]) < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < relationSubjects.length && pairKey(relationSubjects[lo], relationObjects[lo]) == key ? lo : -1;
    }

    /** Relations between the same two entities have consecutive indexes: the end of the run starting at one. */
    public int relationRunEnd(int relation) {
        long key = pairKey(relationSubjects[relation], relationObjects[relation]);
        int r = relation + 1;
        while (r < relationSubjects.length && pairKey(relationSubjects[r], relationObjects[r]) == key) {
            r++;
        }
        return r;
    }

    static long pairKey(int a, int b) {
        return a <= b ? ((long) a << 32) | b : ((long) b << 32) | a;
    }

    /** Number of SYNONYM edges. */
    public int synonymCount() {
        return synonymFrom.length;
    }

    /** One entity of a synonym edge. */
    public int synonymFrom(int synonym) {
        return synonymFrom[synonym];
    }

    /** The other entity of a synonym edge. */
    public int synonymTo(int synonym) {
        return synonymTo[synonym];
    }

    /** The weight of a synonym edge. */
    public float synonymWeight(int synonym) {
        return synonymWeights[synonym];
    }

    /** Number of MENTIONS edges (the arcs of the chunk nodes). */
    public int mentionCount() {
        return mentionCount;
    }

    /** Number of edges projected (relations, synonyms, mentions). */
    public int edgeCount() {
        return relationPredicates.length + synonymFrom.length + mentionCount;
    }

    /** Approximate heap held by the primitive columns and the graph (strings and shared lists not counted). */
    public long columnBytes() {
        long ints = (long) entityChunkCounts.length + relationSubjects.length + relationObjects.length
                + relationWeights.length + provenanceStart.length + provenanceChunks.length + synonymFrom.length
                + synonymTo.length + synonymWeights.length;
        long refs = (long) nodeIds.length + entityNames.length + chunkDocumentIds.length + chunkTenants.length
                + chunkAcls.length + relationPredicates.length;
        return graph.memoryBytes() + 4 * ints + 4 * refs + 8L * relationArcs.length;
    }

    List<String>[] chunkAclsArray() {
        return chunkAcls;
    }

    String[] nodeIdsArray() {
        return nodeIds;
    }

    String[] entityNamesArray() {
        return entityNames;
    }

    int[] entityChunkCountsArray() {
        return entityChunkCounts;
    }

    String[] chunkDocumentIdsArray() {
        return chunkDocumentIds;
    }

    String[] chunkTenantsArray() {
        return chunkTenants;
    }

    /**
     * The same projection whose graph keeps only the relations, synonyms and chunks' mentions the predicates accept;
     * hidden edges stay with weight 0, which PageRank and path search never follow, so the arcs are the same.
     */
    public GraphProjection restrictedTo(IntPredicate visibleRelation, IntPredicate visibleSynonym,
                                        IntPredicate visibleChunk) {
        CsrGraph.Builder builder = CsrGraph.builder(graph.nodeCount());
        float[] weights = new float[relationWeights.length];
        for (int r = 0; r < relationWeights.length; r++) {
            weights[r] = visibleRelation.test(r) ? relationWeights[r] : 0f;
            builder.addEdge(relationSubjects[r], relationObjects[r], weights[r]);
        }
        float[] synonyms = new float[synonymWeights.length];
        for (int s = 0; s < synonymWeights.length; s++) {
            synonyms[s] = visibleSynonym.test(s) ? synonymWeights[s] : 0f;
            builder.addEdge(synonymFrom[s], synonymTo[s], synonyms[s]);
        }
        for (int c = entityCount; c < graph.nodeCount(); c++) {
            boolean visible = visibleChunk.test(c);
            for (int a = graph.firstArc(c); a < graph.endArc(c); a++) {
                builder.addEdge(c, graph.target(a), visible ? graph.weight(a) : 0f);
            }
        }
        return new GraphProjection(nodeIds, entityNames, entityChunkCounts, entityCount, chunkDocumentIds,
                chunkTenants, chunkAcls, relationSubjects, relationObjects, relationPredicates, weights,
                provenanceStart, provenanceChunks, synonymFrom, synonymTo, synonyms, builder.buildCompact(true),
                mentionCount, stamp);
    }

    /** Whether two projections hold the same nodes, attributes, edges and graph (for refresh-versus-rebuild checks). */
    public boolean sameAs(GraphProjection o) {
        return entityCount == o.entityCount && mentionCount == o.mentionCount
                && Arrays.equals(nodeIds, o.nodeIds) && Arrays.equals(entityNames, o.entityNames)
                && Arrays.equals(entityChunkCounts, o.entityChunkCounts)
                && Arrays.equals(chunkDocumentIds, o.chunkDocumentIds) && Arrays.equals(chunkTenants, o.chunkTenants)
                && Arrays.equals(chunkAcls, o.chunkAcls) && Arrays.equals(relationSubjects, o.relationSubjects)
                && Arrays.equals(relationObjects, o.relationObjects)
                && Arrays.equals(relationPredicates, o.relationPredicates)
                && Arrays.equals(relationWeights, o.relationWeights) && Arrays.equals(provenanceStart, o.provenanceStart)
                && Arrays.equals(provenanceChunks, o.provenanceChunks) && Arrays.equals(synonymFrom, o.synonymFrom)
                && Arrays.equals(synonymTo, o.synonymTo) && Arrays.equals(synonymWeights, o.synonymWeights)
                && sameGraph(graph, o.graph);
    }

    private static boolean sameGraph(CsrGraph a, CsrGraph b) {
        if (a.nodeCount() != b.nodeCount() || a.arcCount() != b.arcCount()) {
            return false;
        }
        for (int v = 0; v < a.nodeCount(); v++) {
            if (a.firstArc(v) != b.firstArc(v)) {
                return false;
            }
        }
        for (int arc = 0; arc < a.arcCount(); arc++) {
            if (a.target(arc) != b.target(arc) || Float.compare(a.weight(arc), b.weight(arc)) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "GraphProjection[entities=" + entityCount + ", chunks=" + chunkCount() + ", relations="
                + relationCount() + ", arcs=" + graph.arcCount() + "]";
    }
}
