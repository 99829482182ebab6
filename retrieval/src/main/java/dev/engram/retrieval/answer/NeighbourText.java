package dev.engram.retrieval.answer;

/**
 * The text of the chunks just before and after a passage in its document, for sentence-window expansion;
 * either is {@code null} at a document's start or end.
 */
public record NeighbourText(String previous, String next) {}
