package dev.engram.retrieval;

import dev.engram.extraction.document.TokenChunker;
import dev.engram.extraction.embedding.OnnxBgeEmbedder;
import dev.engram.extraction.triples.RuleTripleExtractor;
import dev.engram.ingest.IngestOptions;
import dev.engram.ingest.IngestPipeline;
import dev.engram.records.document.ContentHash;
import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.neo4j.StoreConfig;
import dev.engram.store.schema.SchemaManager;
import java.nio.file.Path;

/**
 * An embedded Neo4j store with its schema and the real embedder, as the end-to-end retrieval tests build their
 * graph on; closed together.
 */
public record EndToEndStore(GraphStore store, OnnxBgeEmbedder embedder) implements AutoCloseable {

    /** Opens an embedded store in {@code db} and the embedder, and ensures the schema for it. */
    public static EndToEndStore open(Path db) {
        GraphStore store = GraphStore.open(StoreConfig.embedded(db, 0));
        OnnxBgeEmbedder embedder = null;
        try {
            embedder = OnnxBgeEmbedder.create();
            new SchemaManager(store).ensure(embedder);
            return new EndToEndStore(store, embedder);
        } catch (RuntimeException | Error e) {
            // a half-built fixture: nothing would close what is already open
            if (embedder != null) {
                embedder.close();
            }
            store.close();
            throw e;
        }
    }

    /** Ingests into the store as the default pipeline does: token chunks, content hashes, rule extraction. */
    public IngestPipeline ruleIngest() {
        TokenChunker chunker = new TokenChunker(embedder.tokenizer());
        return new IngestPipeline(store, embedder, chunker::chunk, ContentHash::of, new RuleTripleExtractor(),
                IngestOptions.DEFAULTS);
    }

    @Override
    public void close() {
        store.close();
        embedder.close();
    }
}
