package dev.engram.store.lexical;

import dev.engram.records.document.SourceDocument;
import dev.engram.records.document.TextChunk;
import java.util.List;
import java.util.Objects;

/**
 * One document ready for the lexical graph: its chunks with one embedding each (in the same order), the
 * content hash that detects changes, and the tenant and ACL groups copied onto every chunk. {@code sections}, when
 * not empty, are stored as given instead of the sections of the document's layout.
 */
public record DocumentRecord(SourceDocument document, String sha256, String tenant, List<String> acl,
                             List<TextChunk> chunks, List<float[]> chunkEmbeddings, List<SectionRecord> sections) {

    /** A document whose sections (if any) come from its layout. */
    public DocumentRecord(SourceDocument document, String sha256, String tenant, List<String> acl,
                          List<TextChunk> chunks, List<float[]> chunkEmbeddings) {
        this(document, sha256, tenant, acl, chunks, chunkEmbeddings, List.of());
    }

    public DocumentRecord {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(document.id(), "document id");
        Objects.requireNonNull(sha256, "sha256");
        acl = acl == null ? List.of() : List.copyOf(acl);
        chunks = chunks == null ? List.of() : List.copyOf(chunks);
        chunkEmbeddings = chunkEmbeddings == null ? List.of() : List.copyOf(chunkEmbeddings);
        sections = sections == null ? List.of() : List.copyOf(sections);
        if (!chunkEmbeddings.isEmpty() && chunkEmbeddings.size() != chunks.size()) {
            throw new IllegalArgumentException("document " + document.id() + " has " + chunks.size() + " chunks but "
                    + chunkEmbeddings.size() + " embeddings");
        }
        for (TextChunk chunk : chunks) {
            if (!document.id().equals(chunk.documentId())) {
                throw new IllegalArgumentException("chunk " + chunk.id() + " belongs to " + chunk.documentId()
                        + ", not to " + document.id());
            }
        }
    }

    /** The document id. */
    public String id() {
        return document.id();
    }
}
