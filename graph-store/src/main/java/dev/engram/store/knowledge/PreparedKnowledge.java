package dev.engram.store.knowledge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One batch's knowledge, ready to write ({@link KnowledgeWriter#prepare}): curated, collected, and with the entity
 * names and facts new to the store already embedded. Preparing is the costly half of a write and needs no write
 * lock, so an ingest prepares the next batch while the previous one is written. Immutable.
 */
public final class PreparedKnowledge {
    /** Nothing to write. */
    public static final PreparedKnowledge EMPTY = new PreparedKnowledge(Map.of(), Set.of(), Map.of(), List.of(),
            Map.of(), List.of(), Map.of(), KnowledgeWriteSummary.Embedded.NONE, Map.of());

    final Map<String, String> names;
    final Set<KnowledgeWriter.Mention> mentions;
    final Map<KnowledgeWriter.FactKey, Set<String>> facts;
    final List<String> chunkIds;
    final Map<String, String> newNames;
    final List<float[]> nameVectors;
    final Map<KnowledgeWriter.FactKey, float[]> factVectors;
    final Set<KnowledgeWriter.FactKey> freshFacts;
    final KnowledgeWriteSummary.Embedded embedded;
    final Map<String, String> respelled;

    PreparedKnowledge(Map<String, String> names, Set<KnowledgeWriter.Mention> mentions,
                      Map<KnowledgeWriter.FactKey, Set<String>> facts, List<String> chunkIds,
                      Map<String, String> newNames, List<float[]> nameVectors,
                      Map<KnowledgeWriter.FactKey, float[]> factVectors, KnowledgeWriteSummary.Embedded embedded,
                      Map<String, String> respelled) {
        this.names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
        this.mentions = Collections.unmodifiableSet(new LinkedHashSet<>(mentions));
        this.facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        this.chunkIds = List.copyOf(chunkIds);
        this.newNames = Collections.unmodifiableMap(new LinkedHashMap<>(newNames));
        this.nameVectors = List.copyOf(nameVectors);
        this.factVectors = Collections.unmodifiableMap(new LinkedHashMap<>(factVectors));
        this.freshFacts = this.factVectors.keySet();
        this.embedded = embedded;
        this.respelled = Map.copyOf(respelled);
    }

    /** Whether there is nothing to write. */
    public boolean isEmpty() {
        return names.isEmpty() && chunkIds.isEmpty();
    }

    /** Entities new to the store (and to the batch prepared before this one), by id, with their names. */
    public Map<String, String> newEntityNames() {
        return newNames;
    }

    /** What preparing embedded, and how long the embedder took. */
    public KnowledgeWriteSummary.Embedded embedded() {
        return embedded;
    }
}
