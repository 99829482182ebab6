package dev.engram.ingest;

import dev.engram.extraction.document.TokenChunker;
import dev.engram.extraction.embedding.BgeTokenizer;
import dev.engram.extraction.triples.RuleTripleExtractor;
import dev.engram.ingest.knowledge.KnowledgeExtractor;
import dev.engram.ingest.knowledge.KnowledgeStage;
import dev.engram.ingest.knowledge.NameMentionResolver;
import dev.engram.ingest.knowledge.Resolver;
import dev.engram.ingest.knowledge.SynonymResolver;
import dev.engram.records.document.ContentHash;
import dev.engram.store.knowledge.KnowledgeWriteSummary;
import dev.engram.store.knowledge.KnowledgeWriter;
import dev.engram.store.knowledge.SynonymLinker;
import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.neo4j.StoreConfig;
import dev.engram.store.schema.SchemaManager;
import dev.engram.store.testing.HashEmbedder;
import java.nio.file.Path;
import java.util.List;

/**
 * Ingests a corpus and dies like {@code kill -9} (no shutdown hooks, no clean Neo4j shutdown) in the n-th batch's
 * knowledge stage — after its lexical and knowledge writes and its name mentions, before its synonyms, chunk counts
 * and completion mark. The pipeline's resolvers are swappable, so the crash is one more resolver.
 * Run in a child JVM by {@link IngestResumeTest}; without n it ingests to the end.
 */
public final class KilledIngest {
    private KilledIngest() {}

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        Path corpus = Path.of(args[1]);
        int haltAt = args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
        GraphStore store = GraphStore.open(StoreConfig.embedded(dataDir, 0));
        HashEmbedder embedder = new HashEmbedder();
        new SchemaManager(store).ensure(embedder);
        Resolver crash = new Resolver() {
            private int batches;

            @Override
            public String name() {
                return "crash";
            }

            @Override
            public Resolution resolve(KnowledgeWriteSummary written) {
                if (++batches >= haltAt) {
                    Runtime.getRuntime().halt(137);
                }
                return new Resolution(0, java.util.Set.of());
            }
        };
        KnowledgeStage knowledge = new KnowledgeStage(new KnowledgeWriter(store, embedder), List.of(
                new NameMentionResolver(store), crash, new SynonymResolver(store, SynonymLinker.DEFAULT_THRESHOLD)));
        TokenChunker chunker = new TokenChunker(BgeTokenizer.loadDefault());
        IngestPipeline.Components components = new IngestPipeline.Components(chunker::chunk, ContentHash::of, embedder,
                new KnowledgeExtractor(new RuleTripleExtractor()), LexicalWriter.of(store), knowledge);
        new IngestPipeline(components, new IngestOptions(10, null, List.of()))
                .run(IngestResumeTest.jsonl(corpus), IngestListener.NONE);
        store.close();
    }
}
