package dev.engram.records.document;

/**
 * A contiguous piece of a document's text; {@code start}/{@code end} are character offsets into the
 * document text and {@code tokenCount} is counted in the embedding tokenizer's tokens.
 */
public record TextChunk(String id, String documentId, int index, String text, int tokenCount, int start, int end) {}
