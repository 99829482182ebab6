package dev.engram.store.community;

import dev.engram.pagerank.CsrGraph;
import dev.engram.store.projection.GraphProjection;
import java.util.Arrays;
import nl.cwts.networkanalysis.Network;
import nl.cwts.util.LargeDoubleArray;
import nl.cwts.util.LargeIntArray;

/**
 * The weighted, undirected entity graph communities are found on: the entities of a projection that have at least one
 * RELATION or SYNONYM edge of positive weight, with those edges (parallel ones summed, self-loops left out). MENTIONS
 * edges and chunks are not part of it. Edges of weight 0 (hidden from a restricted caller) do not exist here, so a
 * partition of a restricted projection owes nothing to what the caller may not read.
 */
public final class EntityNetwork {
    private final int[] entityOfNode;
    private final long[] offsets;
    private final int[] neighbours;
    private final double[] weights;

    private EntityNetwork(int[] entityOfNode, long[] offsets, int[] neighbours, double[] weights) {
        this.entityOfNode = entityOfNode;
        this.offsets = offsets;
        this.neighbours = neighbours;
        this.weights = weights;
    }

    /** The entity network of a projection. */
    public static EntityNetwork of(GraphProjection projection) {
        CsrGraph g = projection.graph();
        int entities = projection.entityCount();
        int[] nodeOf = new int[entities];
        Arrays.fill(nodeOf, -1);
        int nodes = 0;
        for (int u = 0; u < entities; u++) {
            if (hasEntityEdge(g, u, entities)) {
                nodeOf[u] = nodes++;
            }
        }
        int[] entityOf = new int[nodes];
        for (int u = 0; u < entities; u++) {
            if (nodeOf[u] >= 0) {
                entityOf[nodeOf[u]] = u;
            }
        }
        return over(g, entities, entityOf, nodeOf);
    }

    /** A network from an undirected edge list over nodes {@code 0..nodeCount-1} (benchmarks, tests). */
    public static EntityNetwork fromEdges(int nodeCount, int[] from, int[] to, float[] weight) {
        CsrGraph.Builder b = CsrGraph.builder(nodeCount);
        for (int e = 0; e < from.length; e++) {
            b.addEdge(from[e], to[e], weight[e]);
        }
        CsrGraph g = b.build(true);
        int[] identity = new int[nodeCount];
        Arrays.setAll(identity, i -> i);
        return over(g, nodeCount, identity, identity);
    }

    /**
     * The network whose node n is graph node {@code entityOf[n]}, with the entity arcs of those nodes, their targets
     * mapped back by {@code nodeOf}; {@code entities} bounds the entity nodes of {@code g}.
     */
    private static EntityNetwork over(CsrGraph g, int entities, int[] entityOf, int[] nodeOf) {
        int nodes = entityOf.length;
        long[] offsets = new long[nodes + 1];
        int arcs = 0;
        for (int u : entityOf) {
            for (int a = g.firstArc(u); a < g.endArc(u); a++) {
                if (entityArc(g, u, a, entities)) arcs++;
            }
        }
        int[] neighbours = new int[arcs];
        double[] weights = new double[arcs];
        int k = 0;
        for (int n = 0; n < nodes; n++) {
            int u = entityOf[n];
            offsets[n] = k;
            // CsrGraph keeps targets sorted and entity nodes come first, so the mapped neighbours stay sorted
            for (int a = g.firstArc(u); a < g.endArc(u); a++) {
                if (entityArc(g, u, a, entities)) {
                    neighbours[k] = nodeOf[g.target(a)];
                    weights[k] = g.weight(a);
                    k++;
                }
            }
        }
        offsets[nodes] = k;
        return new EntityNetwork(entityOf, offsets, neighbours, weights);
    }

    private static boolean hasEntityEdge(CsrGraph g, int u, int entities) {
        for (int a = g.firstArc(u); a < g.endArc(u); a++) {
            if (entityArc(g, u, a, entities)) return true;
        }
        return false;
    }

    private static boolean entityArc(CsrGraph g, int u, int arc, int entities) {
        int v = g.target(arc);
        return v < entities && v != u && g.weight(arc) > 0f;
    }

    /** Number of nodes (entities with at least one edge). */
    public int nodeCount() {
        return entityOfNode.length;
    }

    /** Number of undirected edges. */
    public long edgeCount() {
        return neighbours.length / 2;
    }

    /** The projection node (entity) of a network node. */
    public int entity(int node) {
        return entityOfNode[node];
    }

    long firstArc(int node) {
        return offsets[node];
    }

    long endArc(int node) {
        return offsets[node + 1];
    }

    int target(long arc) {
        return neighbours[(int) arc];
    }

    double weight(long arc) {
        return weights[(int) arc];
    }

    /** Total weight of the undirected edges (each counted once). */
    public double totalWeight() {
        double sum = 0;
        for (double w : weights) sum += w;
        return sum / 2;
    }

    /** The network as the Leiden implementation takes it, with node weights = weighted degrees (modularity). */
    Network toNetwork() {
        return new Network(entityOfNode.length, true, offsets.clone(), new LargeIntArray(neighbours.clone()),
                new LargeDoubleArray(weights.clone()), false);
    }

    /** Newman's modularity, with resolution {@code gamma}, of a partition given as one label per node. */
    public double modularity(int[] membership, double gamma) {
        int clusters = 0;
        for (int c : membership) clusters = Math.max(clusters, c + 1);
        double[] inside = new double[clusters];
        double[] degree = new double[clusters];
        double twoM = 0;
        for (int u = 0; u < nodeCount(); u++) {
            for (long a = offsets[u]; a < offsets[u + 1]; a++) {
                double w = weights[(int) a];
                twoM += w;
                degree[membership[u]] += w;
                if (membership[neighbours[(int) a]] == membership[u]) inside[membership[u]] += w;
            }
        }
        if (twoM == 0) return 0;
        double q = 0;
        for (int c = 0; c < clusters; c++) {
            q += inside[c] / twoM - gamma * (degree[c] / twoM) * (degree[c] / twoM);
        }
        return q;
    }
}
