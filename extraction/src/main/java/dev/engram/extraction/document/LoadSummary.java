package dev.engram.extraction.document;

/** What one {@link DocumentLoader#forEach} run did: documents handed over and problems reported. */
public record LoadSummary(long documents, long problems) {}
