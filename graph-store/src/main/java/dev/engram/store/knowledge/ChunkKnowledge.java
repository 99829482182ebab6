package dev.engram.store.knowledge;

import java.util.List;
import java.util.Objects;

/** What was extracted from one chunk: the entities it mentions and the facts it states. */
public record ChunkKnowledge(String chunkId, List<EntityRecord> mentions, List<FactRecord> facts) {
    public ChunkKnowledge {
        Objects.requireNonNull(chunkId, "chunkId");
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
        facts = facts == null ? List.of() : List.copyOf(facts);
    }
}
