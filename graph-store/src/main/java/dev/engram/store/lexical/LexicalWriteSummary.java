package dev.engram.store.lexical;

import java.util.List;

/**
 * What one {@link DocumentWriter#write} call did; {@code refused} are the ids of documents left untouched because
 * another tenant (or the public, tenant-less corpus) owns a document with that id.
 */
public record LexicalWriteSummary(int documentsWritten, int documentsUnchanged, int documentsReplaced, int chunksWritten,
                                  List<String> refused) {

    public LexicalWriteSummary {
        refused = refused == null ? List.of() : List.copyOf(refused);
    }

    /** A summary of a write that refused nothing. */
    public LexicalWriteSummary(int documentsWritten, int documentsUnchanged, int documentsReplaced, int chunksWritten) {
        this(documentsWritten, documentsUnchanged, documentsReplaced, chunksWritten, List.of());
    }
}
