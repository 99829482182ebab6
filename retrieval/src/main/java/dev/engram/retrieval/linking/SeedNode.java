package dev.engram.retrieval.linking;

import dev.engram.retrieval.Seed;

/** A seed entity with its node in the projection. */
public record SeedNode(int node, Seed seed) {}
