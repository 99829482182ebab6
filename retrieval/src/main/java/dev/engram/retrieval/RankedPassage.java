package dev.engram.retrieval;

/** A chunk in a ranking: where it comes from, its text and the score that placed it. */
public record RankedPassage(String chunkId, String documentId, String title, String text, double score) {}
