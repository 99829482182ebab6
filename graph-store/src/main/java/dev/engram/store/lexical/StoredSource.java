package dev.engram.store.lexical;

/** A stored document's id, where it was read from and its content hash (null while half-written). */
public record StoredSource(String id, String source, String sha256) {}
