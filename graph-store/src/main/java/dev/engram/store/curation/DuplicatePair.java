package dev.engram.store.curation;

import java.util.List;

/** Two entities that are likely the same, how likely ({@code score} in [0, 1]) and why. */
public record DuplicatePair(List<Named> entities, double score, List<String> evidence) {

    /** An entity by id and name, with the number of chunks mentioning it. */
    public record Named(String id, String name, long chunkCount) {}
}
