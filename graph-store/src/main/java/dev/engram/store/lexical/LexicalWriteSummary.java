package dev.engram.store.lexical;

/** What one {@link DocumentWriter#write} call did. */
public record LexicalWriteSummary(int documentsWritten, int documentsUnchanged, int documentsReplaced, int chunksWritten) {}
