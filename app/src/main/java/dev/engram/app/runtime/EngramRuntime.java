package dev.engram.app.runtime;

import dev.engram.app.config.EngramConfig;
import dev.engram.extraction.document.TokenChunker;
import dev.engram.extraction.llm.OpenAiClient;
import dev.engram.extraction.embedding.BgeTokenizer;
import dev.engram.records.embedding.Embedder;
import dev.engram.extraction.embedding.TextTokenizer;
import dev.engram.extraction.embedding.OnnxBgeEmbedder;
import dev.engram.extraction.embedding.OpenAiEmbedder;
import dev.engram.extraction.query.QueryEntityExtractor;
import dev.engram.retrieval.Bm25Retriever;
import dev.engram.retrieval.DenseRetriever;
import dev.engram.retrieval.HybridRetriever;
import dev.engram.retrieval.Mode;
import dev.engram.retrieval.Retriever;
import dev.engram.retrieval.fusion.ReciprocalRankFusion;
import dev.engram.retrieval.global.CommunityBuilder;
import dev.engram.retrieval.global.CommunityReporter;
import dev.engram.retrieval.global.CommunitySummarizer;
import dev.engram.retrieval.global.CommunityViews;
import dev.engram.retrieval.global.GlobalRetriever;
import dev.engram.extraction.llm.CachedChat;
import dev.engram.extraction.llm.LlmConfig;
import dev.engram.extraction.llm.OpenAiClient;
import dev.engram.store.community.CommunitySettings;
import dev.engram.store.community.CommunityStore;
import java.util.Optional;
import dev.engram.retrieval.graph.GraphRagRetriever;
import dev.engram.retrieval.graph.GraphRagSettings;
import dev.engram.retrieval.graph.ProjectionCache;
import dev.engram.retrieval.linking.FactLinker;
import dev.engram.retrieval.linking.MentionLinker;
import dev.engram.retrieval.linking.NameLinker;
import dev.engram.retrieval.grading.GradingRetriever;
import dev.engram.retrieval.RecentQueries;
import dev.engram.retrieval.grading.CorrectiveRetriever;
import dev.engram.retrieval.decompose.DecomposingRetriever;
import dev.engram.retrieval.decompose.QuestionDecomposer;
import dev.engram.retrieval.decompose.ChainedResolver;
import dev.engram.retrieval.decompose.CompositionalParser;
import dev.engram.retrieval.decompose.GraphHopResolver;
import dev.engram.retrieval.decompose.HopResolver;
import dev.engram.retrieval.decompose.LlmHopAnswerer;
import dev.engram.retrieval.decompose.LlmPlanner;
import dev.engram.retrieval.decompose.OfflinePlanner;
import dev.engram.retrieval.decompose.Planner;
import dev.engram.retrieval.decompose.PassageHopResolver;
import dev.engram.retrieval.decompose.RelationalNouns;
import dev.engram.retrieval.grading.LlmGrader;
import dev.engram.retrieval.grading.LlmGradingRetriever;
import dev.engram.retrieval.llm.CallBudget;
import dev.engram.retrieval.llm.QueryLlm;
import dev.engram.store.search.RelationSearch;
import dev.engram.retrieval.grading.PassageGrader;
import dev.engram.store.lookup.ChunkLookup;
import dev.engram.store.neo4j.GraphStore;
import dev.engram.ingest.jobs.JobService;
import dev.engram.store.jobs.JobStore;
import dev.engram.store.projection.GraphProjector;
import dev.engram.store.schema.SchemaManager;
import dev.engram.store.search.ChunkSearch;
import dev.engram.store.search.EntitySearch;
import dev.engram.store.search.FactSearch;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.Map;

/**
 * The parts a command needs, opened once and closed together: the graph store with its schema, the embedder,
 * and one retriever per mode.
 */
public final class EngramRuntime implements AutoCloseable {
    private final GraphStore store;
    private final Embedder embedder;
    private final ChunkSearch search;
    private final ProjectionCache projections;
    private final GraphRagSettings settings;
    private QueryEntityExtractor queryEntities;
    private final TokenChunker chunker;
    private final Map<Mode, Retriever> retrievers = new EnumMap<>(Mode.class);
    private final Map<Mode, Retriever> graded = new EnumMap<>(Mode.class);
    private final boolean subQuestions;
    private final EngramConfig.Retrieval retrievalConfig;
    // the LLM's calls at query time (decomposition, hop answers, grading), when an LLM is configured
    private final OpenAiClient queryClient;
    private final QueryLlm queryLlm;
    private RelationalNouns nouns;
    // retrieval, grading and retries of one question embed it once
    private final RecentQueries queries;
    private final boolean corrective;
    private CommunityViews communityViews;
    private final Optional<LlmConfig> llm;
    private final CommunitySettings communities;
    private JobService jobs;
    /** How often a running job writes its progress and heartbeat. */
    private static final java.time.Duration JOB_HEARTBEAT = java.time.Duration.ofSeconds(2);

    private EngramRuntime(GraphStore store, Embedder embedder, TokenChunker chunker, GraphRagSettings settings,
                          EngramConfig.Retrieval retrieval, Optional<LlmConfig> llm,
                          CommunitySettings communities) {
        this.store = store;
        this.retrievalConfig = retrieval;
        this.subQuestions = retrieval.subQuestions();
        this.corrective = retrieval.corrective();
        EngramConfig.QueryLlm q = retrieval.queryLlm();
        boolean usesLlm = llm.isPresent() && q != null && (q.decompose() || q.grade());
        // short timeouts and at most one retry: a question waits on these calls
        this.queryClient = usesLlm ? new OpenAiClient(llm.get().withTimeout(q.timeout())
                .withMaxRetries(Math.min(1, llm.get().maxRetries()))) : null;
        this.queryLlm = usesLlm ? new QueryLlm(new CachedChat(queryClient), q.limits()) : null;
        this.llm = llm;
        this.communities = communities;
        this.embedder = embedder;
        this.chunker = chunker;
        this.settings = settings;
        this.search = new ChunkSearch(store);
        this.queries = new RecentQueries(embedder, 64);
        this.projections = new ProjectionCache(new GraphProjector(store, settings.projection()));
    }

    /**
     * Opens the store, loads the embedder (ONNX bge-small, or the OpenAI-compatible server when configured) and
     * ensures the schema.
     */
    public static EngramRuntime open(EngramConfig config) {
        EmbedderSettings embedderSettings = config.embedding();
        GraphRagSettings settings = config.retrieval().graph();
        // the model loads while Neo4j starts: the two take most of a command's start-up and need different resources
        CompletableFuture<Embedder> loading = CompletableFuture.supplyAsync(() -> createEmbedder(config));
        GraphStore store;
        try {
            store = openStore(config);
        } catch (RuntimeException e) {
            loading.thenAccept(Embedder::close);
            throw e;
        }
        Embedder embedder;
        try {
            embedder = loading.join();
        } catch (CompletionException e) {
            store.close();
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
        try {
            new SchemaManager(store).ensure(embedder);
            // chunks are sized in bge tokens even with a remote embedder: close enough for any BERT-like model
            TextTokenizer tokenizer = embedder instanceof OnnxBgeEmbedder onnx ? onnx.tokenizer() : BgeTokenizer.loadDefault();
            return new EngramRuntime(store, embedder,
                    new TokenChunker(tokenizer, embedderSettings.chunkTokens(), embedderSettings.chunkOverlap()), settings,
                    config.retrieval(), config.llm(),
                    config.communities());
        } catch (RuntimeException e) {
            store.close();
            embedder.close();
            throw e;
        }
    }

    /**
     * Opens the configured store, saying so when it works through another running Engram. The embedded Bolt port
     * gets its password here: the configured one, else the data directory's generated one, else (with API keys) a
     * new one, so neither a second process nor a Bolt client gets around the keys; a process working through a
     * running Engram's port logs in with that same password.
     */
    public static GraphStore openStore(EngramConfig config) {
        GraphStore store = GraphStore.open(BoltPassword.resolve(config.store(), config.server().hasApiKeys()));
        announce(store);
        return store;
    }

    /** Says on stderr when the data directory is another running Engram's, so commands work through it. */
    public static void announce(GraphStore store) {
        store.heldBy().ifPresent(h -> System.err.println("engram: the data directory is in use by a running Engram (pid "
                + h.pid() + "); working through its Bolt port " + h.boltUri()));
    }

    private static Embedder createEmbedder(EngramConfig config) {
        EmbedderSettings s = config.embedding();
        // one run per core; runs hold few long passages or many short names (see OnnxBgeEmbedder.TOKENS_PER_RUN)
        return config.embeddings().<Embedder>map(e -> new OpenAiEmbedder(new OpenAiClient(e.client()), e.queryPrefix(),
                e.batchSize(), e.dimensions())).orElseGet(() -> OnnxBgeEmbedder.create(
                OnnxBgeEmbedder.Config.defaults().withBatchSize(s.batchSize()).withParallelism(s.threads())));
    }

    /** The open graph store. */
    public GraphStore store() {
        return store;
    }

    /** The embedder for passages and questions. */
    public Embedder embedder() {
        return embedder;
    }

    /** Cuts documents into chunks sized in model tokens. */
    public TokenChunker chunker() {
        return chunker;
    }

    /** Chunk, entity and fact search over the store's indexes. */
    public ChunkSearch search() {
        return search;
    }

    /** The in-memory graph; call {@link ProjectionCache#invalidate()} after changing the graph. */
    public ProjectionCache projections() {
        return projections;
    }

    /** The retriever of a mode, its passages graded for relevance, created on first use. */
    public synchronized Retriever retriever(Mode mode) {
        return graded.computeIfAbsent(mode, m -> {
            if (m == Mode.GLOBAL) {
                return ungraded(m);
            }
            boolean llmPlans = queryLlm != null && retrievalConfig.queryLlm().decompose();
            Retriever base = subQuestions || retrievalConfig.compositional() || llmPlans ? decomposing(ungraded(m))
                    : ungraded(m);
            Retriever first = graded(base);
            if (queryLlm != null && retrievalConfig.queryLlm().grade()) {
                first = new LlmGradingRetriever(first, new LlmGrader(queryLlm));
            }
            return corrective ? new CorrectiveRetriever(first, retries(m)) : first;
        });
    }

    // what corrective retrieval tries when the first result has nothing relevant, cheapest first
    private List<CorrectiveRetriever.Attempt> retries(Mode mode) {
        List<CorrectiveRetriever.Attempt> out = new ArrayList<>();
        Mode other = mode == Mode.DENSE ? Mode.GRAPHRAG : Mode.DENSE;
        out.add(new CorrectiveRetriever.Attempt(other.id(), graded(ungraded(other))));
        if (!subQuestions) {
            out.add(new CorrectiveRetriever.Attempt("sub-questions",
                    graded(new DecomposingRetriever(ungraded(mode), decomposer(), true))));
        }
        if (mode == Mode.GRAPHRAG || mode == Mode.PPR) {
            GraphRagSettings wider = settings.toBuilder().mentionSeeds(true).factTopK(2 * settings.factTopK()).build();
            out.add(new CorrectiveRetriever.Attempt("wider seeds (mentions, twice the facts)",
                    graded(graphRetriever(wider))));
        }
        return out;
    }

    private Retriever graded(Retriever inner) {
        return new GradingRetriever(inner, queries, new ChunkLookup(store)::vectors, queryEntities()::extract,
                PassageGrader.DEFAULTS);
    }

    private QuestionDecomposer decomposer() {
        return new QuestionDecomposer(queryEntities()::extract);
    }

    // the question split as configured: offline comparison and compositional plans, or the LLM's with those as
    // fallback; hops resolved from the graph, then (with an LLM) from the hop's passages
    private Retriever decomposing(Retriever inner) {
        CompositionalParser parser = retrievalConfig.compositional()
                ? new CompositionalParser(queryEntities()::extract, nouns()) : null;
        OfflinePlanner offline = new OfflinePlanner(decomposer(), parser, subQuestions, retrievalConfig.compositional());
        boolean llmPlans = queryLlm != null && retrievalConfig.queryLlm().decompose();
        Planner planner = llmPlans ? new LlmPlanner(queryLlm, offline) : offline;
        EntitySearch entities = new EntitySearch(store);
        HopResolver graph = new GraphHopResolver((name, access) -> entities.entityByName(name, 5, access),
                new RelationSearch(store), nouns());
        HopResolver passages = new PassageHopResolver(nouns());
        HopResolver resolver = new ChainedResolver(queryLlm == null ? List.of(graph, passages)
                : List.of(graph, new LlmHopAnswerer(queryLlm), passages));
        return new DecomposingRetriever(inner, planner, resolver, decomposer(),
                () -> queryLlm == null ? new CallBudget(0) : queryLlm.budget(), false);
    }

    private synchronized RelationalNouns nouns() {
        if (nouns == null) {
            nouns = RelationalNouns.load();
        }
        return nouns;
    }

    /** The LLM calls of questions (decomposition, hops, grading), or null without an LLM or with both turned off. */
    public QueryLlm queryLlm() {
        return queryLlm;
    }

    // the retrievers themselves; hybrid fuses the ungraded dense and BM25 rankings
    private synchronized Retriever ungraded(Mode mode) {
        return retrievers.computeIfAbsent(mode, this::create);
    }

    private Retriever create(Mode mode) {
        return switch (mode) {
            case DENSE -> new DenseRetriever(queries, search);
            case BM25 -> new Bm25Retriever(search);
            case HYBRID -> new HybridRetriever(ungraded(Mode.DENSE), ungraded(Mode.BM25),
                    new ReciprocalRankFusion(ReciprocalRankFusion.DEFAULT_K), 50);
            case GLOBAL -> new GlobalRetriever(queries, communityViews());
            case PPR, GRAPHRAG -> graphRetriever(settings);
        };
    }

    private Retriever graphRetriever(GraphRagSettings with) {
        return new GraphRagRetriever(queries, search, new FactLinker(new FactSearch(store)),
                new MentionLinker(queryEntities()::extract, queries, new EntitySearch(store)),
                new NameLinker(queryEntities()::extract), new ChunkLookup(store), projections, with);
    }

    /** Builds communities with these settings: Leiden, offline summaries, and LLM reports when an LLM is configured. */
    public CommunityBuilder communityBuilder(CommunitySettings communitySettings) {
        Optional<CommunityReporter> reporter = llm
                .map(config -> new CommunityReporter(new CachedChat(new OpenAiClient(config))));
        ChunkLookup chunks = new ChunkLookup(store);
        return new CommunityBuilder(communitySettings, new CommunitySummarizer(chunks), embedder,
                reporter, chunks::vectors);
    }

    /** The communities each caller may see (stored for unrestricted callers, built per restricted caller). */
    public synchronized CommunityViews communityViews() {
        if (communityViews == null) {
            communityViews = new CommunityViews(projections, communityBuilder(communities),
                    new CommunityStore(store));
        }
        return communityViews;
    }

    // the OpenNLP models are loaded once and shared by every linker
    private synchronized QueryEntityExtractor queryEntities() {
        if (queryEntities == null) {
            queryEntities = new QueryEntityExtractor();
        }
        return queryEntities;
    }

    /** The durable ingest jobs of this process, recorded in the store (opened on first use). */
    public synchronized JobService jobs() {
        if (jobs == null) {
            jobs = new JobService(new JobStore(store), JOB_HEARTBEAT);
        }
        return jobs;
    }

    @Override
    public void close() {
        try {
            synchronized (this) {
                if (jobs != null) {
                    jobs.close();
                }
            }
            store.close();
        } finally {
            if (queryClient != null) {
                queryClient.close();
            }
            embedder.close();
        }
    }
}
