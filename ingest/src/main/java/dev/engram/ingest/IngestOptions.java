package dev.engram.ingest;

import dev.engram.ingest.knowledge.SynonymMode;
import java.util.List;

/**
 * How to ingest: documents per write batch, the tenant and ACL groups stamped on every document, and when synonyms
 * are linked. A batch is the unit of crash safety: a killed ingest loses at most the batch in flight.
 */
public record IngestOptions(int batchDocuments, String tenant, List<String> acl, SynonymMode synonyms) {
    /** 64 documents a batch, no tenant, no ACL groups (readable by everyone), synonyms per batch. */
    public static final IngestOptions DEFAULTS = new IngestOptions(64, null, List.of());

    public IngestOptions {
        if (batchDocuments < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        acl = acl == null ? List.of() : List.copyOf(acl);
        synonyms = synonyms == null ? SynonymMode.PER_BATCH : synonyms;
    }

    /** Options linking synonyms per batch. */
    public IngestOptions(int batchDocuments, String tenant, List<String> acl) {
        this(batchDocuments, tenant, acl, SynonymMode.PER_BATCH);
    }

    /** These options with synonyms linked as {@code mode} says. */
    public IngestOptions withSynonyms(SynonymMode mode) {
        return new IngestOptions(batchDocuments, tenant, acl, mode);
    }
}
