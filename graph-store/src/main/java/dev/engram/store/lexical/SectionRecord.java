package dev.engram.store.lexical;

import java.util.List;

/**
 * One Section node as stored, for a document whose sections are given as they are rather than found in its layout
 * (a restored export, whose text no longer has the original offsets).
 *
 * @param path         section titles from the top-level section down to this one
 * @param pageStart    first page, 0 when the document has no pages
 * @param parentId     the enclosing section's id, or null when the section is part of the document itself
 * @param firstChunkId the chunk its {@code FIRST} edge points to, or null
 */
public record SectionRecord(String id, int index, String title, int level, List<String> path, int pageStart,
                            int pageEnd, String parentId, String firstChunkId) {
    public SectionRecord {
        path = List.copyOf(path);
    }
}
