package dev.engram.records.triples;

/** One subject–predicate–object fact as surface text, before normalisation. */
public record Triple(String subject, String predicate, String object) {}
