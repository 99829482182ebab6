package dev.engram.retrieval;

import dev.engram.records.document.PassagePlace;

/** A chunk in a ranking: where it comes from (document, title, pages and sections), its text and its score. */
public record RankedPassage(String chunkId, String documentId, String title, String text, double score,
                            PassagePlace place) {
    public RankedPassage {
        place = place == null ? PassagePlace.NONE : place;
    }

    /** A passage of a document without pages or sections. */
    public RankedPassage(String chunkId, String documentId, String title, String text, double score) {
        this(chunkId, documentId, title, text, score, PassagePlace.NONE);
    }

    /** The same passage with another score. */
    public RankedPassage withScore(double newScore) {
        return new RankedPassage(chunkId, documentId, title, text, newScore, place);
    }
}
