package dev.engram.ingest;

import java.util.List;

/**
 * How to ingest: documents per write batch, and the tenant and ACL groups stamped on every document.
 * A batch is the unit of crash safety: a killed ingest loses at most the batch in flight.
 */
public record IngestOptions(int batchDocuments, String tenant, List<String> acl) {
    /** 64 documents a batch, no tenant, no ACL groups (readable by everyone). */
    public static final IngestOptions DEFAULTS = new IngestOptions(64, null, List.of());

    public IngestOptions {
        if (batchDocuments < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        acl = acl == null ? List.of() : List.copyOf(acl);
    }
}
