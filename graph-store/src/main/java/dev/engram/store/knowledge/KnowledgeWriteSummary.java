package dev.engram.store.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one {@link KnowledgeWriter#write} call added to the graph, and what resolvers need next: the chunks written,
 * every entity they touched, the entities new to the store with their names, and what was embedded for it.
 */
public record KnowledgeWriteSummary(int entitiesCreated, int relationsCreated, int mentions, int facts,
                                    List<String> chunkIds, Set<String> entityIds, Map<String, String> newEntityNames,
                                    Embedded embedded) {
    /** Nothing written. */
    public static final KnowledgeWriteSummary EMPTY = new KnowledgeWriteSummary(0, 0, 0, 0, List.of(), Set.of(), Map.of(),
            Embedded.NONE);

    /** The entity names and fact texts one write embedded, and the time the embedder took for them. */
    public record Embedded(int names, int facts, long nanos) {
        /** Nothing embedded. */
        public static final Embedded NONE = new Embedded(0, 0, 0);
    }

    public KnowledgeWriteSummary {
        chunkIds = List.copyOf(chunkIds);
        entityIds = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(entityIds));
        newEntityNames = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(newEntityNames));
    }
}
