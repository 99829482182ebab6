package dev.engram.store.projection;

import dev.engram.pagerank.CsrGraph;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The knowledge graph in memory, for PageRank and path finding: entities are nodes {@code 0..entityCount-1},
 * chunks follow them. Edges are added relations first, then synonyms, then mentions, so an arc's
 * {@link CsrGraph#edgeOf(int) edge} below {@link #relationCount()} indexes the relation arrays.
 */
public final class GraphProjection {
    private final String[] nodeIds;
    private final String[] entityNames;
    private final int[] entityChunkCounts;
    private final int entityCount;
    private final String[] chunkDocumentIds;
    private final String[] chunkTenants;
    private final List<List<String>> chunkAcls;
    private final int[] relationSubjects;
    private final int[] relationObjects;
    private final String[] relationPredicates;
    private final List<List<String>> relationChunkIds;
    private final CsrGraph graph;
    private final Map<String, Integer> nodeIndex;
    private final EdgeList edges;

    /** Every edge as added to the graph, so a restricted copy can be built with the same edge indexes. */
    record EdgeList(int[] from, int[] to, float[] weight, int synonymEnd) {}

    GraphProjection(String[] nodeIds, String[] entityNames, int[] entityChunkCounts, int entityCount,
                    String[] chunkDocumentIds, String[] chunkTenants, List<List<String>> chunkAcls,
                    int[] relationSubjects, int[] relationObjects, String[] relationPredicates,
                    List<List<String>> relationChunkIds, CsrGraph graph, Map<String, Integer> nodeIndex,
                    EdgeList edges) {
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
        this.relationChunkIds = relationChunkIds;
        this.graph = graph;
        this.nodeIndex = nodeIndex;
        this.edges = edges;
    }

    /** The undirected weighted graph over entities and chunks. */
    public CsrGraph graph() {
        return graph;
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

    /** The node of an entity or chunk id, or -1 when it is not in the graph. */
    public int node(String id) {
        Integer n = nodeIndex.get(id);
        return n == null ? -1 : n;
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
        return chunkAcls.get(node - entityCount);
    }

    /** Number of RELATION edges; their indexes are {@code 0..relationCount()-1}. */
    public int relationCount() {
        return relationPredicates.length;
    }

    /** True when the edge (as given by {@link CsrGraph#edgeOf(int)}) is a RELATION. */
    public boolean isRelation(int edge) {
        return edge < relationPredicates.length;
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

    /** Chunks a relation was extracted from. */
    public List<String> relationChunkIds(int relation) {
        return relationChunkIds.get(relation);
    }

    /** True when the edge is a SYNONYM. */
    public boolean isSynonym(int edge) {
        return edge >= relationPredicates.length && edge < edges.synonymEnd();
    }

    /** The chunk end of a MENTIONS edge (an edge that is neither relation nor synonym). */
    public int mentionChunk(int edge) {
        return isChunk(edges.from()[edge]) ? edges.from()[edge] : edges.to()[edge];
    }

    /** One end of an edge, as it was added. */
    public int edgeFrom(int edge) {
        return edges.from()[edge];
    }

    /** The other end of an edge. */
    public int edgeTo(int edge) {
        return edges.to()[edge];
    }

    /** Number of edges added (relations, synonyms, mentions). */
    public int edgeCount() {
        return edges.from().length;
    }

    /**
     * The same projection whose graph keeps only the edges {@code visible} accepts; hidden edges stay with weight 0,
     * which PageRank and path search never follow, so every edge index keeps its meaning.
     */
    public GraphProjection restrictedTo(IntPredicate visible) {
        int n = edges.from().length;
        CsrGraph.Builder builder = CsrGraph.builder(graph.nodeCount());
        float[] weights = new float[n];
        for (int e = 0; e < n; e++) {
            weights[e] = visible.test(e) ? edges.weight()[e] : 0f;
            builder.addEdge(edges.from()[e], edges.to()[e], weights[e]);
        }
        return new GraphProjection(nodeIds, entityNames, entityChunkCounts, entityCount, chunkDocumentIds,
                chunkTenants, chunkAcls, relationSubjects, relationObjects, relationPredicates, relationChunkIds,
                builder.build(true), nodeIndex, new EdgeList(edges.from(), edges.to(), weights, edges.synonymEnd()));
    }

    @Override
    public String toString() {
        return "GraphProjection[entities=" + entityCount + ", chunks=" + chunkCount() + ", relations="
                + relationCount() + ", arcs=" + graph.arcCount() + "]";
    }
}
