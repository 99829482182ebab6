package dev.engram.store.projection;

import java.time.ZonedDateTime;

/**
 * What the store held when a projection was read: the database clock at the start of the read (documents stamped
 * with {@code ingestedAt} at or after it are the delta of a later refresh) and the store's counts, so a refresh can
 * check that the delta explains every change and fall back to a full rebuild when it does not (a deletion, an
 * import that wrote no documents, an ingest still running).
 */
public record ProjectionStamp(ZonedDateTime readStart, StoreCounts counts) {

    /** Node and relationship counts (from Neo4j's count store, so cheap at any size). */
    public record StoreCounts(long entities, long chunks, long relations, long synonyms, long mentions) {}
}
