package dev.engram.pagerank;

import java.util.Arrays;

/**
 * A walk through a {@link CsrGraph}: {@code nodes[0] -arcs[0]-> nodes[1] -> ... -> nodes[hops]}, so
 * {@code nodes.length == arcs.length + 1}. Map arcs back to input edges with {@link CsrGraph#edgeOf(int)} and
 * {@link CsrGraph#forward(int)}.
 */
public record GraphPath(int[] nodes, int[] arcs) {

    /** Checks that the lengths fit. */
    public GraphPath {
        if (nodes.length != arcs.length + 1) {
            throw new IllegalArgumentException(nodes.length + " nodes do not fit " + arcs.length + " arcs");
        }
    }

    /** Number of arcs. */
    public int hops() {
        return arcs.length;
    }

    /** First node. */
    public int source() {
        return nodes[0];
    }

    /** Last node. */
    public int target() {
        return nodes[nodes.length - 1];
    }

    /** Sum of the arc weights in {@code graph}. */
    public double weight(CsrGraph graph) {
        double sum = 0;
        for (int arc : arcs) {
            sum += graph.weight(arc);
        }
        return sum;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GraphPath p && Arrays.equals(nodes, p.nodes) && Arrays.equals(arcs, p.arcs);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(nodes) + Arrays.hashCode(arcs);
    }

    @Override
    public String toString() {
        return "GraphPath[nodes=" + Arrays.toString(nodes) + ", arcs=" + Arrays.toString(arcs) + "]";
    }
}
