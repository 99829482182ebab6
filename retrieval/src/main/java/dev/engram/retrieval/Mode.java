package dev.engram.retrieval;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Retrieval modes; all share one pipeline and differ in which stages run. */
public enum Mode {
    /** Chunk vector index only. */
    DENSE,
    /** Chunk full-text (Lucene BM25) index only. */
    BM25,
    /** Dense and BM25 fused by reciprocal rank. */
    HYBRID,
    /** Personalized PageRank over the knowledge graph only. */
    PPR,
    /** Everything: PPR seeded from the question, fused with dense, paths and context. */
    GRAPHRAG,
    /** Questions about the whole collection, answered from community summaries (themes). */
    GLOBAL;

    /** The lower-case name used on the command line and in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a mode name case-insensitively, with a message listing the valid names on failure. */
    public static Mode parse(String text) {
        for (Mode m : values()) {
            if (m.id().equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + text + "'; expected one of "
                + Arrays.stream(values()).map(Mode::id).collect(Collectors.joining(", ")));
    }
}
