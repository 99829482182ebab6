package dev.engram.ingest;

import dev.engram.records.document.ContentHash;
import dev.engram.extraction.document.TokenChunker;
import dev.engram.extraction.embedding.BgeTokenizer;
import dev.engram.records.embedding.Embedder;
import dev.engram.extraction.triples.RuleTripleExtractor;
import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.neo4j.StoreConfig;
import dev.engram.store.schema.SchemaManager;
import dev.engram.store.testing.HashEmbedder;
import java.nio.file.Path;
import java.util.List;

/**
 * Ingests a corpus and dies like {@code kill -9} (no shutdown hooks, no clean Neo4j shutdown) at the n-th time the
 * writer thread embeds entities — after a batch's lexical writes, before its knowledge writes are done.
 * Run in a child JVM by {@link IngestResumeTest}; a null argument for n ingests to the end.
 */
public final class KilledIngest {
    private KilledIngest() {}

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        Path corpus = Path.of(args[1]);
        int haltAt = args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
        GraphStore store = GraphStore.open(StoreConfig.embedded(dataDir, 0));
        HashEmbedder inner = new HashEmbedder();
        new SchemaManager(store).ensure(inner);
        Embedder halting = new Embedder() {
            private int writerCalls;

            @Override
            public int dimensions() {
                return inner.dimensions();
            }

            @Override
            public String modelName() {
                return inner.modelName();
            }

            @Override
            public synchronized List<float[]> embedPassages(List<String> texts) {
                if (Thread.currentThread().getName().equals("engram-ingest-writer") && ++writerCalls >= haltAt) {
                    Runtime.getRuntime().halt(137);
                }
                return inner.embedPassages(texts);
            }

            @Override
            public float[] embedQuery(String query) {
                return inner.embedQuery(query);
            }

            @Override
            public void close() {}
        };
        TokenChunker chunker = new TokenChunker(BgeTokenizer.loadDefault());
        new IngestPipeline(store, halting, chunker::chunk, ContentHash::of, new RuleTripleExtractor(),
                new IngestOptions(10, null, List.of())).run(IngestResumeTest.jsonl(corpus), IngestListener.NONE);
        store.close();
    }
}
