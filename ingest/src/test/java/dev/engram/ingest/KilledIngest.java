package dev.engram.ingest;

import dev.engram.extraction.document.TokenChunker;
import dev.engram.extraction.embedding.BgeTokenizer;
import dev.engram.extraction.triples.RuleTripleExtractor;
import dev.engram.ingest.jobs.JobService;
import dev.engram.ingest.knowledge.KnowledgeExtractor;
import dev.engram.ingest.knowledge.KnowledgeStage;
import dev.engram.ingest.knowledge.NameMentionResolver;
import dev.engram.ingest.knowledge.Resolver;
import dev.engram.ingest.knowledge.SynonymResolver;
import dev.engram.records.document.ContentHash;
import dev.engram.store.jobs.JobKind;
import dev.engram.store.jobs.JobParameters;
import dev.engram.store.jobs.JobRecord;
import dev.engram.store.jobs.JobStore;
import dev.engram.store.knowledge.KnowledgeWriteSummary;
import dev.engram.store.knowledge.KnowledgeWriter;
import dev.engram.store.knowledge.SynonymLinker;
import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.neo4j.StoreConfig;
import dev.engram.store.schema.SchemaManager;
import dev.engram.store.testing.HashEmbedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs a corpus ingest as a durable job in a child JVM for {@link IngestResumeTest}. {@code <data> <corpus>} runs a
 * new job to the end; {@code <data> <corpus> stall <n> <marker>} runs one that, in the n-th batch's knowledge stage
 * (after its lexical and knowledge writes and name mentions, before its synonyms, chunk counts and completion mark),
 * writes its job id to {@code marker} and waits there to be killed with SIGKILL; {@code <data> <corpus> resume <id>}
 * resumes a job. The pipeline's resolvers are swappable, so the stall is one more resolver.
 */
public final class KilledIngest {
    private KilledIngest() {}

    public static void main(String[] args) throws IOException {
        Path dataDir = Path.of(args[0]);
        Path corpus = Path.of(args[1]);
        String mode = args.length > 2 ? args[2] : "run";
        GraphStore store = GraphStore.open(StoreConfig.embedded(dataDir, 0));
        HashEmbedder embedder = new HashEmbedder();
        new SchemaManager(store).ensure(embedder);
        try (JobService jobs = new JobService(new JobStore(store), Duration.ofMillis(200))) {
            String id = mode.equals("resume") ? args[3] : jobs.submit(JobKind.FILES, null, parameters(corpus)).id();
            Resolver stall = mode.equals("stall") ? stallAt(Integer.parseInt(args[3]), Path.of(args[4]), id) : null;
            IngestPipeline pipeline = pipeline(store, embedder, stall);
            JobRecord end = jobs.run(id, (job, tracker) ->
                    pipeline.run(tracker.stopping(IngestResumeTest.jsonl(corpus)), tracker).summary());
            System.out.println(end.state() + " " + end.summary());
        }
        store.close();
    }

    /** The job parameters of an ingest of {@code corpus}. */
    static JobParameters parameters(Path corpus) {
        return new JobParameters(List.of(corpus.toString()), List.of(), null, List.of(), "rule", false, null, null);
    }

    /** The standard pipeline over a hash embedder, 10 documents a batch, with {@code extra} before the synonyms. */
    static IngestPipeline pipeline(GraphStore store, HashEmbedder embedder, Resolver extra) {
        List<Resolver> resolvers = extra == null
                ? List.of(new NameMentionResolver(store), new SynonymResolver(store, SynonymLinker.DEFAULT_THRESHOLD))
                : List.of(new NameMentionResolver(store), extra, new SynonymResolver(store, SynonymLinker.DEFAULT_THRESHOLD));
        KnowledgeStage knowledge = new KnowledgeStage(new KnowledgeWriter(store, embedder), resolvers);
        TokenChunker chunker = new TokenChunker(BgeTokenizer.loadDefault());
        IngestPipeline.Components components = new IngestPipeline.Components(chunker::chunk, ContentHash::of, embedder,
                new KnowledgeExtractor(new RuleTripleExtractor()), LexicalWriter.of(store), knowledge);
        return new IngestPipeline(components, new IngestOptions(10, null, List.of()));
    }

    private static Resolver stallAt(int batch, Path marker, String jobId) {
        return new Resolver() {
            private int batches;

            @Override
            public String name() {
                return "stall";
            }

            @Override
            public Resolution resolve(KnowledgeWriteSummary written) {
                if (++batches >= batch) {
                    try {
                        Path partial = Path.of(marker + ".part");
                        Files.writeString(partial, jobId);
                        Files.move(partial, marker, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                        Thread.sleep(Duration.ofMinutes(5));
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return new Resolution(0, java.util.Set.of());
            }
        };
    }
}
