package dev.engram.ingest;

import dev.engram.store.lexical.DocumentRecord;
import dev.engram.store.lexical.DocumentWriter;
import dev.engram.store.lexical.LexicalWriteSummary;
import dev.engram.store.neo4j.GraphStore;
import java.util.List;
import java.util.Map;

/** Writes the lexical graph (documents, chunks, their order) and says which documents are already there. */
public interface LexicalWriter {
    /** Stored content hashes of the given documents that were completely written; absent ids are not stored. */
    Map<String, String> existingHashes(List<String> documentIds);

    /** Writes documents with their embedded chunks, refusing (and naming) those another tenant owns. */
    LexicalWriteSummary write(List<DocumentRecord> records);

    /** Marks documents complete, after every write of theirs: an ingest killed before this redoes them. */
    void markComplete(List<String> documentIds);

    /** The lexical writer of a graph store. */
    static LexicalWriter of(GraphStore store) {
        DocumentWriter writer = new DocumentWriter(store);
        return new LexicalWriter() {
            @Override
            public Map<String, String> existingHashes(List<String> documentIds) {
                return writer.existingHashes(documentIds);
            }

            @Override
            public LexicalWriteSummary write(List<DocumentRecord> records) {
                return writer.write(records);
            }

            @Override
            public void markComplete(List<String> documentIds) {
                writer.markComplete(documentIds);
            }
        };
    }
}
