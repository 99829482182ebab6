package dev.engram.extraction.triples;

import dev.engram.records.triples.Triple;
import java.util.List;

/**
 * Reads the triples of one sentence from its noun phrases and the gaps between neighbours, ReVerb style:
 * subject, relation phrase, object. A walk goes left to right over the phrases and hands each gap to the
 * construction of its kind ({@link Constructions}: verbal, coordination, apposition, preposition, possessive),
 * which read the sentence through one immutable {@link SentenceView} and share the walk's state ({@link Walk}).
 */
final class SentenceRelations {
    private final Walk walk;
    private final Constructions constructions;

    SentenceRelations(SentenceView view, Constructions constructions, List<Triple> out) {
        this.walk = new Walk(view, out);
        this.constructions = constructions;
    }

    /** The named subject of this sentence's first clause, for "he"/"she" in the next one; null if none. */
    String namedSubject() {
        return walk.clauseSubject;
    }

    /** Walks the sentence once, adding its triples to the output list. */
    void read() {
        SentenceView view = walk.view;
        for (int a = 0; a + 1 < view.args(); a++) {
            Gap gap = view.gapAfter(a);
            a = constructions.of(gap.kind()).read(a, gap, walk);
        }
    }
}
