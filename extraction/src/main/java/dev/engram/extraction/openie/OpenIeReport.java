package dev.engram.extraction.openie;

/**
 * What an OpenIE file holds. Distinct counts compare facts and names after normalisation (lower case, punctuation
 * as spaces, whitespace collapsed), as HippoRAG does before building its graph.
 *
 * @param documents              passages in the file
 * @param totalTriples           triples as listed, malformed ones included
 * @param validTriples           triples with three non-empty string parts
 * @param malformedTriples       triples skipped: wrong length, non-strings, nulls, empty parts
 * @param distinctPerPassage     sum over passages of their distinct normalised valid triples
 * @param distinctOverall        distinct normalised valid triples across the file
 * @param distinctEntities       distinct normalised names in the passages' entity lists
 * @param distinctTripleEntities distinct normalised subjects and objects of valid triples
 */
public record OpenIeReport(
        int documents,
        int totalTriples,
        int validTriples,
        int malformedTriples,
        int distinctPerPassage,
        int distinctOverall,
        int distinctEntities,
        int distinctTripleEntities) {}
