package dev.engram.app.server.query;

/** A retrieved passage; {@code citation} is its [n] in the context and answer, null when it did not fit the context. */
public record CitedPassage(Integer citation, String chunkId, String documentId, String title, String text, double score) {}
