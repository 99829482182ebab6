package dev.engram.store.schema;

/** The embedding model a store was built with, as pinned by {@link SchemaManager#ensure}. */
public record StoredModel(String name, int dimensions) {}
