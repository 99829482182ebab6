package dev.engram.extraction.triples;

/**
 * One kind of construction between two neighbouring noun phrases (a verb, a coordination, an apposition, a
 * preposition, a possessive), read on a walk over the sentence.
 */
interface Construction {

    /**
     * Reads the construction between phrase {@code a} and phrase {@code a + 1}, joined by {@code gap}; returns the
     * index of the last phrase it consumed (at least {@code a}).
     */
    int read(int a, Gap gap, Walk walk);
}
