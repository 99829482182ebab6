package dev.engram.ingest.knowledge;

import java.util.Locale;

/**
 * When an ingest links synonyms. Per batch, each new entity is linked to its nearest entities that have arrived so
 * far (cheap for a small addition to a large graph, but the edges depend on document order); at the end, one exact
 * rebuild of every SYNONYM edge follows the run (the edges depend only on the entities, whatever the order or the
 * number of workers, and the per-batch vector queries, a sixth of a large ingest's time, are not run); none leaves
 * them to a later {@code engram synonyms --rebuild} (workers, whose parent rebuilds once after them).
 */
public enum SynonymMode {
    PER_BATCH, AT_END, NONE, AUTO;

    /** Most entities an end-of-run rebuild may compare all pairs of (about 20 s on two cores); above, per batch. */
    public static final long MAX_REBUILD_ENTITIES = 100_000;
    /** Estimated entities a document brings (2wiki: 6.1). */
    private static final int ENTITIES_PER_DOCUMENT = 8;

    /** The mode named {@code text} (per-batch, at-end, none, auto), or an error naming the choices. */
    public static SynonymMode parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (SynonymMode m : values()) {
            if (m.name().toLowerCase(Locale.ROOT).equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("synonyms must be per-batch, at-end, none or auto, got '" + text + "'");
    }

    /**
     * {@code AUTO} made concrete for a run of about {@code runDocuments} documents into a store holding
     * {@code storedDocuments} documents and {@code storedEntities} entities: at the end when the run is at least a
     * third of the store it grows and the rebuild stays small enough; otherwise per batch. Other modes stay as they are.
     */
    public SynonymMode resolve(long runDocuments, long storedDocuments, long storedEntities) {
        if (this != AUTO) {
            return this;
        }
        boolean large = runDocuments > 0 && runDocuments * 2 >= storedDocuments;
        boolean affordable = storedEntities + runDocuments * ENTITIES_PER_DOCUMENT <= MAX_REBUILD_ENTITIES;
        return large && affordable ? AT_END : PER_BATCH;
    }
}
