package dev.engram.ingest.knowledge;

import dev.engram.store.knowledge.KnowledgeWriteSummary;
import java.util.Set;

/** Adds edges after a knowledge write that join new knowledge to what the graph already holds. */
public interface Resolver {
    /** What one resolution added: the edges created and the entities whose chunk count may have changed. */
    record Resolution(int edgesCreated, Set<String> touchedEntities) {
        public Resolution {
            touchedEntities = Set.copyOf(touchedEntities);
        }
    }

    /** A short name for reports ("name mentions", "synonyms"). */
    String name();

    /** Resolves what {@code written} added. */
    Resolution resolve(KnowledgeWriteSummary written);
}
