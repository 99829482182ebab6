package dev.engram.app.config;

import dev.engram.app.runtime.EmbedderSettings;
import dev.engram.extraction.llm.LlmConfig;
import dev.engram.retrieval.Mode;
import dev.engram.retrieval.graph.GraphRagSettings;
import dev.engram.store.neo4j.StoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

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
 * @param server     the HTTP server's address, limits and keys
 */
public record EngramConfig(StoreConfig store, EmbedderSettings embedding, Optional<EmbeddingsServer> embeddings,
                           Ingest ingest, Optional<LlmConfig> llm, Retrieval retrieval, Server server) {

    /** An OpenAI-compatible embeddings endpoint. */
    public record EmbeddingsServer(LlmConfig client, String queryPrefix, int batchSize, int dimensions) {}

    /** How ingest runs. */
    public record Ingest(String extractor, int batchDocuments, String tenant) {
        public Ingest {
            if (batchDocuments < 1) {
                throw new IllegalArgumentException("ingest batch must be at least 1 document, got " + batchDocuments);
            }
        }
    }

    /** The default retrieval mode and the graph retrieval settings. */
    public record Retrieval(Mode mode, GraphRagSettings graph) {}

    /** The HTTP server. */
    public record Server(int port, String host, String maxUpload, int contextTokens, int maxTopK, String apiKeys,
                         Duration cypherTimeout, int cypherMaxRows, Duration sparqlTimeout, int sparqlMaxRows,
                         int sparqlMaxQueryBytes) {
        @Override
        public String toString() {
            return "Server[port=" + port + ", host=" + host + ", apiKeys=" + (apiKeys == null ? "none" : "***") + "]";
        }
    }

    /** The configuration {@code source} describes, checked; a bad value fails with the setting's flag or variable. */
    public static EngramConfig load(ConfigSource source) {
        Values v = new Values(source);
        StoreConfig store = new StoreConfig(Path.of(v.text(Setting.DATA_DIR)), v.integer(Setting.BOLT_PORT),
                v.text(Setting.NEO4J_URI), v.text(Setting.NEO4J_USER), v.text(Setting.NEO4J_PASSWORD),
                v.text(Setting.NEO4J_DATABASE));
        int threads = v.integer(Setting.EMBED_THREADS);
        EmbedderSettings embedding = new EmbedderSettings(v.integer(Setting.CHUNK_TOKENS), v.integer(Setting.CHUNK_OVERLAP),
                v.integer(Setting.EMBED_BATCH), threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
        Optional<EmbeddingsServer> embeddings = v.client(Setting.EMBEDDINGS_BASE_URL, Setting.EMBEDDINGS_MODEL,
                Setting.EMBEDDINGS_API_KEY, Setting.EMBEDDINGS_TIMEOUT_SECONDS, null, null, null)
                .map(client -> new EmbeddingsServer(client, source.raw(Setting.EMBEDDINGS_QUERY_PREFIX) == null ? ""
                        : source.raw(Setting.EMBEDDINGS_QUERY_PREFIX), v.integer(Setting.EMBEDDINGS_BATCH_SIZE),
                        v.integer(Setting.EMBEDDINGS_DIMENSIONS)));
        Ingest ingest = new Ingest(v.text(Setting.EXTRACTOR), v.integer(Setting.INGEST_BATCH), v.text(Setting.TENANT));
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
                .build();
        Retrieval retrieval = new Retrieval(v.parse(Setting.MODE, Mode::parse), graph);
        Duration cypherTimeout = v.duration(Setting.CYPHER_TIMEOUT);
        int cypherRows = v.integer(Setting.CYPHER_MAX_ROWS);
        // SPARQL follows the Cypher limits unless set itself
        boolean sparqlTimeoutSet = source.get(Setting.SPARQL_TIMEOUT).origin() != ConfigSource.Origin.DEFAULT;
        boolean sparqlRowsSet = source.get(Setting.SPARQL_MAX_ROWS).origin() != ConfigSource.Origin.DEFAULT;
        Server server = new Server(v.integer(Setting.PORT), v.text(Setting.HOST), v.text(Setting.MAX_UPLOAD),
                v.integer(Setting.CONTEXT_TOKENS), v.integer(Setting.QUERY_MAX_TOP_K), v.text(Setting.API_KEYS),
                cypherTimeout, cypherRows,
                sparqlTimeoutSet ? v.duration(Setting.SPARQL_TIMEOUT) : cypherTimeout,
                sparqlRowsSet ? v.integer(Setting.SPARQL_MAX_ROWS) : cypherRows, v.integer(Setting.SPARQL_MAX_QUERY_BYTES));
        return new EngramConfig(store, embedding, embeddings, ingest, llm, retrieval, server);
    }

    /** This configuration with the store's data directory replaced (eval keeps one per dataset). */
    public EngramConfig withDataDir(Path dataDir) {
        return new EngramConfig(new StoreConfig(dataDir, store.boltPort(), store.uri(), store.user(), store.password(),
                store.database()), embedding, embeddings, ingest, llm, retrieval, server);
    }

    /** This configuration with the HTTP server on another address. */
    public EngramConfig withHost(String host) {
        Server s = server;
        return new EngramConfig(store, embedding, embeddings, ingest, llm, retrieval, new Server(s.port(), host,
                s.maxUpload(), s.contextTokens(), s.maxTopK(), s.apiKeys(), s.cypherTimeout(), s.cypherMaxRows(),
                s.sparqlTimeout(), s.sparqlMaxRows(), s.sparqlMaxQueryBytes()));
    }

    /** This configuration with other graph retrieval settings. */
    public EngramConfig withGraph(GraphRagSettings graph) {
        return new EngramConfig(store, embedding, embeddings, ingest, llm, new Retrieval(retrieval.mode(), graph), server);
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

        <T> T parse(Setting s, java.util.function.Function<String, T> parser) {
            String raw = text(s);
            if (raw == null) {
                throw new IllegalArgumentException(name(s) + " is not set");
            }
            try {
                return parser.apply(raw);
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
