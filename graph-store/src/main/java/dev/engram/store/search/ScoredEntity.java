package dev.engram.store.search;

/** An entity found by a search, with the number of (readable) chunks that mention it. */
public record ScoredEntity(String id, String name, double score, long chunkCount) {}
