package dev.engram.store.knowledge;

import java.util.Objects;

/** An entity as mentioned in a chunk: its normalised id and a display name (the surface form). */
public record EntityRecord(String id, String name) {
    public EntityRecord {
        Objects.requireNonNull(id, "entity id");
        name = name == null || name.isBlank() ? id : name;
    }
}
