package dev.engram.store.knowledge;

import java.util.Objects;

/** One subject–predicate–object fact between normalised entity ids, with the chunk that states it. */
public record FactRecord(String subjectId, String predicate, String objectId, String chunkId) {
    public FactRecord {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(predicate, "predicate");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(chunkId, "chunkId");
    }
}
