package dev.engram.store.search;

import java.util.List;

/**
 * A relation seen from one of its entities: the entity, the predicate, whether the relation goes out of it, the
 * entity at the other end, the relation's weight and the (readable) chunks that state it.
 */
public record EntityRelation(String entityId, String predicate, boolean outgoing, String otherId, String otherName,
                             double weight, List<String> chunkIds) {
    public EntityRelation {
        chunkIds = List.copyOf(chunkIds);
    }
}
