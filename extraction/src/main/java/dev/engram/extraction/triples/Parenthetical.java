package dev.engram.extraction.triples;

/** A bracketed aside "( ... )" at characters {@code [start, end)} of a passage, with its inner text. */
record Parenthetical(int start, int end, String content) {}
