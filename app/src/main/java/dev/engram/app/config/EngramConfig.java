package dev.engram.app.config;

import dev.engram.extraction.document.DocumentLimits;
import dev.engram.extraction.document.DocumentLoader;
import dev.engram.app.mcp.McpSettings;
import dev.engram.app.runtime.EmbedderSettings;
import dev.engram.app.server.InputLimits;
import dev.engram.extraction.llm.LlmConfig;
import dev.engram.retrieval.Mode;
import dev.engram.retrieval.graph.EvidenceWeighting;
import dev.engram.retrieval.graph.GraphRagSettings;
import dev.engram.retrieval.graph.PprStrategy;
import dev.engram.retrieval.llm.QueryLlmLimits;
import dev.engram.store.community.CommunitySettings;
import dev.engram.store.neo4j.StoreConfig;
import dev.engram.ingest.knowledge.SynonymMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.util.unit.DataSize;

/**
 * The whole configuration, built once from flags over environment over {@link Setting} defaults and handed down:
 * libraries get the part they need and never read the environment themselves.
 *
 * @param store      where the graph lives
 * @param embedding  chunking and the in-process embedder
 * @param embeddings an OpenAI-compatible embeddings server, when configured (replaces the in-process model)
 * @param ingest     extractor and batching of ingest (CLI and server jobs alike)
 * @param llm        an OpenAI-compatible chat server, when configured
 * @param retrieval  the default mode and every weight of graph retrieval
 * @param communities how Leiden finds communities ({@code engram communities}, {@code ingest --communities})
 * @param server     the HTTP server's address, keys and query endpoints
 * @param limits     every size limit on what a client may send or ask for (REST, chat and MCP alike)
 * @param mcp        the MCP server (/mcp and {@code engram mcp})
 */
public record EngramConfig(StoreConfig store, EmbedderSettings embedding, Optional<EmbeddingsServer> embeddings,
                           Ingest ingest, Optional<LlmConfig> llm, Retrieval retrieval, CommunitySettings communities,
                           Server server, InputLimits limits, Mcp mcp) {

    /** An OpenAI-compatible embeddings endpoint. */
    public record EmbeddingsServer(LlmConfig client, String queryPrefix, int batchSize, int dimensions) {}

    /**
     * How ingest runs.
     *
     * @param documents limits on one rich document (size, parse time, text length)
     * @param syncRoot  the folder the server's sync job makes the graph match; empty = no sync job
     */
    public record Ingest(String extractor, int batchDocuments, String tenant, DocumentLimits documents,
                         Optional<Path> syncRoot, SynonymMode synonyms) {
        public Ingest {
            if (batchDocuments < 1) {
                throw new IllegalArgumentException("ingest batch must be at least 1 document, got " + batchDocuments);
            }
        }

        /** A loader of every supported format within these limits, reading only {@code includeGlobs} from folders. */
        public DocumentLoader loader(List<String> includeGlobs) {
            return new DocumentLoader(includeGlobs, documents);
        }
    }

    /**
     * The default retrieval mode, the graph retrieval settings, whether comparison questions are split, compositional
     * ones answered hop by hop and weak results retried, and what an LLM (when configured) does at query time.
     */
    public record Retrieval(Mode mode, GraphRagSettings graph, boolean subQuestions, boolean corrective,
                            boolean compositional, QueryLlm queryLlm) {
        /** This retrieval with other graph settings. */
        public Retrieval withGraph(GraphRagSettings value) {
            return new Retrieval(mode, value, subQuestions, corrective, compositional, queryLlm);
        }
    }

    /**
     * The LLM at query time: whether it decomposes questions and grades passages, the bounds on its calls, and the
     * per-request timeout of those calls.
     */
    public record QueryLlm(boolean decompose, boolean grade, QueryLlmLimits limits, Duration timeout) {
        public QueryLlm {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the LLM query timeout must be positive");
            }
        }
    }

    /**
     * The HTTP server.
     *
     * @param allowOpen accept a non-loopback address without API keys (see {@code ListenPolicy})
     * @param apiKeys   the ENGRAM_API_KEYS text, or null for an open single-user install
     */
    public record Server(int port, String host, boolean allowOpen, int contextTokens, String apiKeys,
                         Duration sparqlTimeout, int sparqlMaxRows, int sparqlMaxQueryBytes) {
        @Override
        public String toString() {
            return "Server[port=" + port + ", host=" + host + ", allowOpen=" + allowOpen + ", apiKeys="
                    + (apiKeys == null ? "none" : "***") + "]";
        }

        /** True when callers need an API key (which also puts a password on the embedded Bolt port). */
        public boolean hasApiKeys() {
            return apiKeys != null && !apiKeys.isBlank();
        }
    }

    /**
     * The MCP server: its settings, and who the stdio caller of {@code engram mcp} is (the rule of an
     * ENGRAM_API_KEYS entry).
     */
    public record Mcp(McpSettings settings, String role, String tenant, List<String> groups) {
        public Mcp {
            groups = List.copyOf(groups);
        }
    }

    /** The configuration {@code source} describes, checked; a bad value fails with the setting's flag or variable. */
    public static EngramConfig load(ConfigSource source) {
        Values v = new Values(source);
        StoreConfig store = new StoreConfig(Path.of(v.text(Setting.DATA_DIR)), v.integer(Setting.BOLT_PORT),
                v.text(Setting.NEO4J_URI), v.text(Setting.NEO4J_USER), v.text(Setting.NEO4J_PASSWORD),
                v.text(Setting.NEO4J_DATABASE), source.raw(Setting.BOLT_PASSWORD));
        int threads = v.integer(Setting.EMBED_THREADS);
        EmbedderSettings embedding = new EmbedderSettings(v.integer(Setting.CHUNK_TOKENS), v.integer(Setting.CHUNK_OVERLAP),
                v.integer(Setting.EMBED_BATCH), threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
        Optional<EmbeddingsServer> embeddings = v.client(Setting.EMBEDDINGS_BASE_URL, Setting.EMBEDDINGS_MODEL,
                Setting.EMBEDDINGS_API_KEY, Setting.EMBEDDINGS_TIMEOUT_SECONDS, null, null, null)
                .map(client -> new EmbeddingsServer(client, source.raw(Setting.EMBEDDINGS_QUERY_PREFIX) == null ? ""
                        : source.raw(Setting.EMBEDDINGS_QUERY_PREFIX), v.integer(Setting.EMBEDDINGS_BATCH_SIZE),
                        v.integer(Setting.EMBEDDINGS_DIMENSIONS)));
        String syncRoot = v.text(Setting.SYNC_ROOT);
        Ingest ingest = v.checked("ingest settings", () -> new Ingest(v.text(Setting.EXTRACTOR), v.integer(Setting.INGEST_BATCH),
                v.text(Setting.TENANT), new DocumentLimits(v.bytes(Setting.MAX_DOCUMENT_BYTES), v.duration(Setting.PARSE_TIMEOUT),
                        DocumentLimits.DEFAULT.maxChars()),
                Optional.ofNullable(syncRoot).map(root -> Path.of(root).toAbsolutePath().normalize()),
                SynonymMode.parse(v.text(Setting.INGEST_SYNONYMS))));
        Optional<LlmConfig> llm = v.client(Setting.LLM_BASE_URL, Setting.LLM_MODEL, Setting.LLM_API_KEY,
                Setting.LLM_TIMEOUT_SECONDS, Setting.LLM_MAX_RETRIES, Setting.LLM_CONCURRENCY, Setting.LLM_CACHE_DIR);
        GraphRagSettings graph = GraphRagSettings.DEFAULTS.toBuilder()
                .factTopK(v.integer(Setting.FACT_TOP_K))
                .factSeeds(v.bool(Setting.FACT_SEEDS))
                .mentionSeeds(v.bool(Setting.MENTION_SEEDS))
                .nameWeight(v.number(Setting.NAME_WEIGHT))
                .passageNodeWeight(v.number(Setting.PASSAGE_NODE_WEIGHT))
                .damping(v.number(Setting.DAMPING))
                .pprTolerance(v.number(Setting.PPR_TOLERANCE))
                .fusionWeight(v.number(Setting.FUSION_WEIGHT))
                .projection(GraphRagSettings.DEFAULTS.projection()
                        .withMinSynonymScore(v.number(Setting.SYNONYM_MIN_SCORE))
                        .withMention(v.number(Setting.MENTION_WEIGHT)))
                .pprStrategy(GraphRagSettings.DEFAULTS.pprStrategy().withMethod(v.parse(Setting.PPR_METHOD,
                        EngramConfig::pprMethod)).withThreads(v.parse(Setting.PPR_THREADS, EngramConfig::pprThreads)))
                .weighting(v.parse(Setting.WEIGHTING, EvidenceWeighting::parse).withBridge(v.number(Setting.BRIDGE_WEIGHT))
                        .withBridgeFacts(v.number(Setting.BRIDGE_FACTS)))
                .build();
        QueryLlm queryLlm = v.checked("LLM query settings", () -> new QueryLlm(v.bool(Setting.LLM_SUB_QUESTIONS),
                v.bool(Setting.LLM_GRADE), QueryLlmLimits.DEFAULTS.withMaxCalls(v.integer(Setting.LLM_QUERY_CALLS))
                        .withPromptChars(v.integer(Setting.LLM_QUERY_PROMPT_CHARS)), v.duration(Setting.LLM_QUERY_TIMEOUT)));
        Retrieval retrieval = new Retrieval(v.parse(Setting.MODE, Mode::parse), graph, v.bool(Setting.SUB_QUESTIONS),
                v.bool(Setting.CORRECTIVE), v.bool(Setting.COMPOSITIONAL), queryLlm);
        CommunitySettings communities = CommunitySettings.DEFAULTS
                .withSeed(v.parse(Setting.COMMUNITY_SEED, Long::parseLong))
                .withMaxSize(v.integer(Setting.COMMUNITY_MAX_SIZE))
                .withMaxLevels(v.integer(Setting.COMMUNITY_LEVELS))
                .withResolution(v.number(Setting.COMMUNITY_RESOLUTION));
        Duration cypherTimeout = v.duration(Setting.CYPHER_TIMEOUT);
        int cypherRows = v.integer(Setting.CYPHER_MAX_ROWS);
        // SPARQL follows the Cypher limits unless set itself
        boolean sparqlTimeoutSet = source.get(Setting.SPARQL_TIMEOUT).origin() != ConfigSource.Origin.DEFAULT;
        boolean sparqlRowsSet = source.get(Setting.SPARQL_MAX_ROWS).origin() != ConfigSource.Origin.DEFAULT;
        Server server = new Server(v.integer(Setting.PORT), v.text(Setting.HOST), v.bool(Setting.ALLOW_OPEN),
                v.integer(Setting.CONTEXT_TOKENS), v.text(Setting.API_KEYS),
                sparqlTimeoutSet ? v.duration(Setting.SPARQL_TIMEOUT) : cypherTimeout,
                sparqlRowsSet ? v.integer(Setting.SPARQL_MAX_ROWS) : cypherRows, v.integer(Setting.SPARQL_MAX_QUERY_BYTES));
        InputLimits limits = v.checked("input limits", () -> new InputLimits(v.integer(Setting.MAX_QUESTION_CHARS),
                v.integer(Setting.MAX_CYPHER_CHARS), v.bytes(Setting.MAX_BODY), v.bytes(Setting.MAX_UPLOAD),
                v.integer(Setting.MAX_UPLOAD_FILES), v.integer(Setting.MAX_TOP_K), v.integer(Setting.MAX_HOPS),
                v.integer(Setting.MAX_PATHS), cypherRows, cypherTimeout));
        String ingestRoot = v.text(Setting.MCP_INGEST_ROOT);
        McpSettings mcpSettings = v.checked("MCP settings", () -> new McpSettings(
                Optional.ofNullable(ingestRoot).map(root -> Path.of(root).toAbsolutePath().normalize()),
                v.list(Setting.MCP_ALLOWED_ORIGINS), v.integer(Setting.MCP_MAX_TEXT_CHARS),
                v.integer(Setting.MCP_MAX_REQUEST_BYTES), v.duration(Setting.MCP_INGEST_WAIT),
                v.duration(Setting.MCP_SESSION_IDLE)));
        Mcp mcp = new Mcp(mcpSettings, v.text(Setting.MCP_ROLE), v.text(Setting.MCP_TENANT), v.list(Setting.MCP_GROUPS));
        return new EngramConfig(store, embedding, embeddings, ingest, llm, retrieval, communities, server, limits, mcp);
    }

    /** This configuration with the store's data directory replaced (eval keeps one per dataset). */
    public EngramConfig withDataDir(Path dataDir) {
        return withStore(new StoreConfig(dataDir, store.boltPort(), store.uri(), store.user(), store.password(),
                store.database(), store.boltPassword()));
    }

    /** This configuration with another store (the Bolt password resolved, for instance). */
    public EngramConfig withStore(StoreConfig value) {
        return new EngramConfig(value, embedding, embeddings, ingest, llm, retrieval, communities, server, limits, mcp);
    }

    /** This configuration with the HTTP server on another address. */
    public EngramConfig withHost(String host) {
        Server s = server;
        return new EngramConfig(store, embedding, embeddings, ingest, llm, retrieval, communities, new Server(s.port(),
                host, s.allowOpen(), s.contextTokens(), s.apiKeys(), s.sparqlTimeout(), s.sparqlMaxRows(),
                s.sparqlMaxQueryBytes()), limits, mcp);
    }

    /** This configuration with other graph retrieval settings. */
    public EngramConfig withGraph(GraphRagSettings graph) {
        return new EngramConfig(store, embedding, embeddings, ingest, llm, retrieval.withGraph(graph),
                communities, server, limits, mcp);
    }

    private static PprStrategy.Method pprMethod(String value) {
        try {
            return PprStrategy.Method.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be auto, global or local");
        }
    }

    private static int pprThreads(String value) {
        int threads = Integer.parseInt(value.strip());
        if (threads < 1 || threads > PprStrategy.MAX_THREADS) {
            throw new IllegalArgumentException("must be between 1 and " + PprStrategy.MAX_THREADS);
        }
        return threads;
    }

    /** Typed reads of a source, each failing with the name a user can fix. */
    private record Values(ConfigSource source) {
        String text(Setting s) {
            String raw = source.raw(s);
            return raw == null || raw.isBlank() ? null : raw.strip();
        }

        int integer(Setting s) {
            return parse(s, Integer::parseInt);
        }

        double number(Setting s) {
            return parse(s, Double::parseDouble);
        }

        boolean bool(Setting s) {
            return parse(s, text -> switch (text.toLowerCase(java.util.Locale.ROOT)) {
                case "true", "1", "yes", "on" -> true;
                case "false", "0", "no", "off" -> false;
                default -> throw new IllegalArgumentException("not a boolean");
            });
        }

        Duration duration(Setting s) {
            return parse(s, Values::durationOf);
        }

        long bytes(Setting s) {
            return parse(s, text -> DataSize.parse(text).toBytes());
        }

        List<String> list(Setting s) {
            String raw = text(s);
            return raw == null ? List.of()
                    : Arrays.stream(raw.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        }

        /** Builds a record from several settings, naming the group when the record refuses the combination. */
        <T> T checked(String what, java.util.function.Supplier<T> build) {
            try {
                return build.get();
            } catch (IllegalArgumentException e) {
                throw e.getMessage() != null && e.getMessage().contains("ENGRAM_") ? e
                        : new IllegalArgumentException(what + ": " + e.getMessage(), e);
            }
        }

        <T> T parse(Setting s, java.util.function.Function<String, T> parser) {
            String raw = text(s);
            if (raw == null) {
                throw new IllegalArgumentException(name(s) + " is not set");
            }
            try {
                return parser.apply(raw);
            } catch (NumberFormatException e) {
                // Java's own message repeats the input as "For input string: ..."
                throw new IllegalArgumentException(name(s) + ": cannot use '" + raw + "' (not a number)", e);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(name(s) + ": cannot use '" + raw + "'"
                        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
            }
        }

        Optional<LlmConfig> client(Setting baseUrl, Setting model, Setting apiKey, Setting timeoutSeconds,
                                   Setting retries, Setting concurrency, Setting cacheDir) {
            String url = text(baseUrl);
            if (url == null) {
                return Optional.empty();
            }
            String name = text(model);
            if (name == null) {
                throw new IllegalArgumentException(baseUrl.env() + " is set to " + url + " but " + model.env() + " is not");
            }
            LlmConfig config = LlmConfig.of(url, name).withApiKey(text(apiKey))
                    .withTimeout(Duration.ofMillis((long) (number(timeoutSeconds) * 1000)));
            if (retries != null) {
                config = config.withMaxRetries(integer(retries));
            }
            if (concurrency != null) {
                config = config.withMaxConcurrency(integer(concurrency));
            }
            String cache = cacheDir == null ? "none" : text(cacheDir);
            if (cache != null && !cache.equalsIgnoreCase("none")) {
                config = config.withCacheDir(cache.startsWith("~/")
                        ? Path.of(System.getProperty("user.home")).resolve(cache.substring(2)) : Path.of(cache));
            }
            return Optional.of(config);
        }

        private static String name(Setting s) {
            return s.spec().flag() != null ? s.spec().flag() + " (" + s.env() + ")" : s.env();
        }

        private static Duration durationOf(String text) {
            String t = text.strip().toLowerCase(java.util.Locale.ROOT);
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis((long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
            }
            return t.startsWith("p") ? Duration.parse(text.strip()) : Duration.ofSeconds(Long.parseLong(t));
        }
    }
}
