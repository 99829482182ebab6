package dev.engram.store.search;

/** A chunk found by a search; dense scores are cosine similarities, full-text scores Lucene BM25 scores. */
public record ScoredChunk(String chunkId, String documentId, String title, String text, int index, double score) {}
