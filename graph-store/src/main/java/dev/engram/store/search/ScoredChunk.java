package dev.engram.store.search;

import dev.engram.records.document.PassagePlace;

/**
 * A chunk found by a search; dense scores are cosine similarities, full-text scores Lucene BM25 scores; {@code place}
 * is its pages and section path.
 */
public record ScoredChunk(String chunkId, String documentId, String title, String text, int index, double score,
                          PassagePlace place) {
    public ScoredChunk {
        place = place == null ? PassagePlace.NONE : place;
    }

    /** A chunk found by a search, of a document without pages or sections. */
    public ScoredChunk(String chunkId, String documentId, String title, String text, int index, double score) {
        this(chunkId, documentId, title, text, index, score, PassagePlace.NONE);
    }
}
