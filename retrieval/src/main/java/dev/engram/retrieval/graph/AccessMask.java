package dev.engram.retrieval.graph;

import dev.engram.pagerank.CsrGraph;
import dev.engram.store.projection.GraphProjection;
import dev.engram.store.search.AccessFilter;
import java.util.BitSet;
import java.util.List;

/** Which chunk nodes of a projection a caller may read; everything when the filter is {@link AccessFilter#ALL}. */
public final class AccessMask {
    private final GraphProjection projection;
    private final BitSet readable;

    private AccessMask(GraphProjection projection, BitSet readable) {
        this.projection = projection;
        this.readable = readable;
    }

    /** The mask of {@code filter} over {@code projection}. */
    public static AccessMask of(GraphProjection projection, AccessFilter filter) {
        if (filter == null || filter.isUnrestricted()) {
            return new AccessMask(projection, null);
        }
        BitSet bits = new BitSet(projection.graph().nodeCount());
        for (int node = projection.entityCount(); node < projection.graph().nodeCount(); node++) {
            if (readable(filter, projection.chunkTenant(node), projection.chunkAcl(node))) {
                bits.set(node);
            }
        }
        return new AccessMask(projection, bits);
    }

    static boolean readable(AccessFilter filter, String tenant, List<String> acl) {
        return filter.canRead(tenant, acl);
    }

    /** True when the caller may read every chunk (the filter is {@link AccessFilter#ALL}). */
    public boolean unrestricted() {
        return readable == null;
    }

    /** True when the caller may read this chunk node. */
    public boolean chunk(int node) {
        return readable == null || readable.get(node);
    }

    /** True when the caller may read at least one of these chunks (a relation's provenance). */
    public boolean anyChunk(List<String> chunkIds) {
        if (readable == null) {
            return true;
        }
        for (String id : chunkIds) {
            int node = projection.node(id);
            if (node >= 0 && readable.get(node)) {
                return true;
            }
        }
        return false;
    }

    /** True when the caller may read at least one chunk a relation was extracted from. */
    public boolean anyRelationChunk(GraphProjection p, int relation) {
        if (readable == null) {
            return true;
        }
        for (int i = 0, n = p.relationChunkCount(relation); i < n; i++) {
            if (readable.get(p.relationChunk(relation, i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the caller may read at least one chunk that mentions this entity node: an entity only hidden chunks
     * mention must not surface, not even as a seed or a seed's name.
     */
    public boolean anyMentioningChunk(GraphProjection p, int entity) {
        if (readable == null) {
            return true;
        }
        CsrGraph graph = p.graph();
        for (int arc = graph.firstArc(entity); arc < graph.endArc(entity); arc++) {
            int neighbour = graph.target(arc);
            if (p.isChunk(neighbour) && readable.get(neighbour)) {
                return true;
            }
        }
        return false;
    }

    /** True when no restriction applies. */
    public boolean all() {
        return readable == null;
    }
}
