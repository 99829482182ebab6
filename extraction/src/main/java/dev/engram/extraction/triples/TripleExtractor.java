package dev.engram.extraction.triples;

import dev.engram.records.triples.Triple;
import java.util.List;

/** Extracts subject–predicate–object facts from a passage. Implementations must be thread-safe. */
public interface TripleExtractor {

    /** Facts stated in {@code text}; {@code title} is the passage's document title, used to resolve "he", "the film". */
    List<Triple> extract(String title, String text);
}
