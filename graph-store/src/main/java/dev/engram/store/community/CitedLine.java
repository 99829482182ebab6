package dev.engram.store.community;

/** A line of a community summary (a sentence or a verbalized fact) with the chunk it comes from. */
public record CitedLine(String text, String chunkId, String documentId, String title) {}
