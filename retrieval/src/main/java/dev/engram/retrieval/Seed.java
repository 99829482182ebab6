package dev.engram.retrieval;

/**
 * An entity the question was linked to: how it was found ("fact", "name:<mention>" or "mention:<mention>"), the link score, and
 * the reset weight it got after node specificity.
 */
public record Seed(String entityId, String name, String via, double linkScore, double weight) {}
