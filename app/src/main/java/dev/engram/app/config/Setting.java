package dev.engram.app.config;

import dev.engram.retrieval.graph.EvidenceWeighting;
import dev.engram.retrieval.graph.GraphRagSettings;
import dev.engram.retrieval.graph.PprStrategy;
import dev.engram.store.community.CommunitySettings;
import java.util.Locale;
import java.util.Optional;

/**
 * Every setting of Engram, stated once: its property name (Spring), the {@code ENGRAM_*} variable derived from it
 * by Spring's own rule (upper case, dots and dashes to underscores), the command-line flag where there is one, its
 * default, and whether it is a secret (masked by {@code engram config}).
 */
public enum Setting {
    DATA_DIR("engram.data-dir", "--data-dir", "engram-data", "embedded Neo4j data directory"),
    BOLT_PORT("engram.bolt-port", "--bolt-port", "7687", "loopback Bolt port of the embedded database; 0 = any free port"),
    NEO4J_URI("engram.neo4j.uri", "--neo4j-uri", null, "remote Neo4j (bolt://, neo4j://, neo4j+s://) instead of the embedded one"),
    NEO4J_USER("engram.neo4j.user", "--neo4j-user", "neo4j", "remote Neo4j user"),
    NEO4J_PASSWORD("engram.neo4j.password", "--neo4j-password", null, "remote Neo4j password", true),
    NEO4J_DATABASE("engram.neo4j.database", "--neo4j-database", "neo4j", "remote Neo4j database"),
    BOLT_PASSWORD("engram.bolt-password", "--bolt-password", null,
            "password (user neo4j) of the embedded Bolt port; unset = generated into <data-dir>/bolt-password when API keys are set", true),

    CHUNK_TOKENS("engram.chunk-tokens", "--chunk-tokens", "256", "chunk size in embedding-model tokens"),
    CHUNK_OVERLAP("engram.chunk-overlap", "--chunk-overlap", "32", "tokens shared by consecutive chunks"),
    EMBED_BATCH("engram.embed-batch", "--embed-batch", "64",
            "most texts per ONNX run (also capped at 512 padded tokens); 1 = fully deterministic vectors"),
    EMBED_THREADS("engram.embed-threads", "--embed-threads", "0", "ONNX runs in parallel; 0 = one per core"),
    EMBEDDINGS_BASE_URL("engram.embeddings.base-url", null, null, "OpenAI-compatible /v1/embeddings server instead of the in-process model"),
    EMBEDDINGS_MODEL("engram.embeddings.model", null, null, "model name sent to the embeddings server"),
    EMBEDDINGS_API_KEY("engram.embeddings.api-key", null, null, "bearer token of the embeddings server", true),
    EMBEDDINGS_QUERY_PREFIX("engram.embeddings.query-prefix", null, "", "instruction put before queries sent to the embeddings server"),
    EMBEDDINGS_BATCH_SIZE("engram.embeddings.batch-size", null, "64", "inputs per embeddings request"),
    EMBEDDINGS_DIMENSIONS("engram.embeddings.dimensions", null, "0", "vector length of the embeddings server; 0 = learn it"),
    EMBEDDINGS_TIMEOUT_SECONDS("engram.embeddings.timeout-seconds", null, "120", "per-request timeout of the embeddings server"),

    EXTRACTOR("engram.extractor", "--extractor", "rule", "triple extractor: rule, llm, openie-file:<path>, none"),
    INGEST_BATCH("engram.ingest.batch", "--batch", "64", "documents per write batch (a killed ingest loses at most one)"),
    INGEST_SYNONYMS("engram.ingest.synonyms", "--synonyms", "per-batch",
            "when name mentions, name vectors and SYNONYM edges are made: per-batch; at-end (after the last batch, independent of batches, order and workers); none (left to the parent of --workers or to engram synonyms --rebuild); auto = at-end for a run bringing at least a third of the graph's documents, up to 100,000 entities"),
    TENANT("engram.tenant", "--tenant", null, "tenant stamped on ingested documents"),
    MAX_DOCUMENT_BYTES("engram.ingest.max-file-size", null, "100MB", "largest PDF, Office, HTML or e-mail file parsed (larger is reported and skipped)"),
    PARSE_TIMEOUT("engram.ingest.parse-timeout", null, "120s", "longest the parse of one document may run (longer is reported and skipped)"),
    SYNC_ROOT("engram.sync.root", null, null, "the folder POST /api/sync makes the graph match (write keys only); unset = off"),

    LLM_BASE_URL("engram.llm.base-url", null, null, "OpenAI-compatible chat server for --extractor llm and answers"),
    LLM_MODEL("engram.llm.model", null, null, "chat model name"),
    LLM_API_KEY("engram.llm.api-key", null, null, "bearer token of the chat server", true),
    LLM_TIMEOUT_SECONDS("engram.llm.timeout-seconds", null, "120", "per-request timeout of the chat server"),
    LLM_MAX_RETRIES("engram.llm.max-retries", null, "4", "retries on 429, 5xx, timeouts and connection errors"),
    LLM_CONCURRENCY("engram.llm.concurrency", null, "4", "chat requests in flight at once"),
    LLM_CACHE_DIR("engram.llm.cache-dir", null, "~/.cache/engram/llm", "cache of extraction responses; none = no cache"),

    MODE("engram.mode", "--mode", "graphrag", "retrieval mode: dense, bm25, hybrid, ppr, graphrag, global"),
    FACT_TOP_K("engram.fact-top-k", "--fact-top-k", String.valueOf(GraphRagSettings.DEFAULTS.factTopK()),
            "facts linked to the question as PageRank seeds"),
    FACT_SEEDS("engram.fact-seeds", "--fact-seeds", String.valueOf(GraphRagSettings.DEFAULTS.factSeeds()),
            "seed from facts linked to the question"),
    MENTION_SEEDS("engram.mention-seeds", "--mention-seeds", String.valueOf(GraphRagSettings.DEFAULTS.mentionSeeds()),
            "also seed from question mentions linked through the entity vector index"),
    NAME_WEIGHT("engram.name-weight", "--name-weight", String.valueOf(GraphRagSettings.DEFAULTS.nameWeight()),
            "seed weight of an entity the question names exactly; 0 = off"),
    PASSAGE_NODE_WEIGHT("engram.passage-node-weight", "--passage-node-weight",
            String.valueOf(GraphRagSettings.DEFAULTS.passageNodeWeight()), "reset mass on densely retrieved chunks"),
    DAMPING("engram.damping", "--damping", String.valueOf(GraphRagSettings.DEFAULTS.damping()), "PageRank damping"),
    PPR_TOLERANCE("engram.ppr-tolerance", "--ppr-tolerance", String.valueOf(GraphRagSettings.DEFAULTS.pprTolerance()),
            "PageRank stops once an iteration moves the scores less than this (L1)"),
    FUSION_WEIGHT("engram.fusion-weight", "--fusion-weight", String.valueOf(GraphRagSettings.DEFAULTS.fusionWeight()),
            "weight of the dense ranking fused into graphrag by RRF; 0 = off"),
    SYNONYM_MIN_SCORE("engram.synonym-min-score", "--synonym-min-score",
            String.valueOf(GraphRagSettings.DEFAULTS.projection().minSynonymScore()), "walk only SYNONYM edges at least this similar"),
    MENTION_WEIGHT("engram.mention-weight", "--mention-weight",
            String.valueOf(GraphRagSettings.DEFAULTS.projection().mention()), "weight of chunk-entity MENTIONS edges in the walk"),
    WEIGHTING("engram.weighting", "--weighting", "adaptive",
            "how graphrag weighs the graph walk against the dense walk: adaptive per question, passage (the fixed --passage-node-weight), or a graph share in [0, 1]"),
    BRIDGE_WEIGHT("engram.bridge-weight", "--bridge-weight", String.valueOf(EvidenceWeighting.BRIDGE),
            "share of graphrag's ranking from the second round, the walk restarted at the first round's top 3 passages; 0 = off"),
    BRIDGE_FACTS("engram.bridge-facts", "--bridge-facts", String.valueOf(EvidenceWeighting.BRIDGE_FACTS),
            "reset mass of the second round's bridge entities (far sides of the top passages' facts whose predicate matches the question), relative to its passages'; 0 = passages only"),
    SUB_QUESTIONS("engram.sub-questions", "--sub-questions", "false",
            "split comparison questions (\"X or Y\", \"both X and Y\") into one question per name, retrieve for each and merge"),
    CORRECTIVE("engram.corrective", "--corrective", "false",
            "when no passage is graded relevant, retry with the other of dense and graphrag, sub-questions and wider seeds, keeping the best"),
    COMPOSITIONAL("engram.compositional", "--compositional", "true",
            "answer \"the director of X\" shapes hop by hop: the hop's answer from X's relations in the graph, then retrieve for the question about it, and merge"),
    LLM_SUB_QUESTIONS("engram.llm.sub-questions", "--llm-sub-questions", "true",
            "with an LLM configured: decompose questions with it (comparison parts, multi-step hops answered from their passages); the offline plan when it fails"),
    LLM_GRADE("engram.llm.grade", "--llm-grade", "true",
            "with an LLM configured: grade the returned passages with it (relevant or not, supporting the answer or not); the offline grades when it fails"),
    LLM_QUERY_CALLS("engram.llm.query-calls", "--llm-query-calls", "3",
            "most LLM calls one question makes for decomposition and hop answers (grading makes one more)"),
    LLM_QUERY_TIMEOUT("engram.llm.query-timeout", "--llm-query-timeout", "20s",
            "per-request timeout of those calls (one retry at most)"),
    LLM_QUERY_PROMPT_CHARS("engram.llm.query-prompt-chars", "--llm-query-prompt-chars", "12000",
            "longest prompt of those calls, in characters (passages cut to 1,200 characters, 8 at most)"),
    PPR_METHOD("engram.ppr-method", "--ppr-method", "auto",
            "PageRank over the whole graph (global), from the seeds' neighbourhood (local), or chosen per query (auto: local from 2 million arcs when the seeds' degrees sum to at most 5% of the arcs; a push that would scan more than that falls back to global)"),
    PPR_THREADS("engram.ppr-threads", "--ppr-threads", String.valueOf(PprStrategy.DEFAULTS.threads()),
            "cores one query's global PageRank iterates on, on graphs of a million arcs or more (smaller graphs: one)"),

    COMMUNITY_SEED("engram.community.seed", "--community-seed", String.valueOf(CommunitySettings.DEFAULTS.seed()),
            "random seed of Leiden; the same seed and graph give the same communities"),
    COMMUNITY_MAX_SIZE("engram.community.max-size", "--community-max-size", String.valueOf(CommunitySettings.DEFAULTS.maxSize()),
            "communities with more entities are split one level down"),
    COMMUNITY_LEVELS("engram.community.levels", "--community-levels", String.valueOf(CommunitySettings.DEFAULTS.maxLevels()),
            "most levels of the community hierarchy"),
    COMMUNITY_RESOLUTION("engram.community.resolution", "--community-resolution",
            String.valueOf(CommunitySettings.DEFAULTS.resolution()), "modularity resolution; lower gives fewer, larger communities"),

    PORT("engram.port", "--port", "8080", "HTTP port of serve and demo; 0 = any free port"),
    HOST("engram.host", "--host", "127.0.0.1", "address the HTTP server listens on; another than loopback needs API keys or --allow-open"),
    ALLOW_OPEN("engram.allow-open", "--allow-open", "false", "accept listening beyond loopback without API keys (with a warning)"),
    MAX_UPLOAD("engram.max-upload", null, "256MB", "largest upload through POST /api/documents (all files together; larger is 413)"),
    CONTEXT_TOKENS("engram.context-tokens", null, "3000", "context handed to the LLM for an answer, in tokens"),
    API_KEYS("engram.api-keys", null, null, "key:read|write[:tenant[:group1|group2]],...; empty = open single-user install", true),

    MAX_QUESTION_CHARS("engram.limits.question-chars", null, "4000", "longest question, in characters", envName("ENGRAM_MAX_QUESTION_CHARS")),
    MAX_CYPHER_CHARS("engram.limits.cypher-chars", null, "20000", "longest Cypher query, in characters", envName("ENGRAM_MAX_CYPHER_CHARS")),
    MAX_BODY("engram.limits.body-size", null, "1MB", "largest JSON request body; larger is 413", envName("ENGRAM_MAX_BODY")),
    MAX_UPLOAD_FILES("engram.limits.upload-files", null, "100", "most files in one upload", envName("ENGRAM_MAX_UPLOAD_FILES")),
    MAX_TOP_K("engram.query.max-top-k", null, "100", "largest topK a query may ask for", envName("ENGRAM_MAX_TOP_K")),
    MAX_HOPS("engram.limits.hops", null, "6", "longest path the explorer searches", envName("ENGRAM_MAX_HOPS")),
    MAX_PATHS("engram.limits.paths", null, "10", "most paths a path search returns", envName("ENGRAM_MAX_PATHS")),
    CYPHER_TIMEOUT("engram.cypher.timeout", null, "10s", "transaction timeout of /api/cypher"),
    CYPHER_MAX_ROWS("engram.cypher.max-rows", null, "1000", "row cap of /api/cypher"),
    SPARQL_TIMEOUT("engram.sparql.timeout", null, "10s", "query timeout of /sparql and /api/sparql; by default the Cypher one"),
    SPARQL_MAX_ROWS("engram.sparql.max-rows", null, "1000", "row or triple cap of /sparql and /api/sparql"),
    SPARQL_MAX_QUERY_BYTES("engram.sparql.max-query-bytes", null, "65536", "largest SPARQL query text, in UTF-8 bytes"),

    MCP_ROLE("engram.mcp.role", "--role", "read", "engram mcp: the stdio caller's role, read or write", "mcp"),
    MCP_TENANT("engram.mcp.tenant", "--tenant", "*", "engram mcp: the tenant the stdio caller sees and writes; * = all", "mcp"),
    MCP_GROUPS("engram.mcp.groups", "--groups", null, "engram mcp: the groups the stdio caller reads as (comma-separated)", "mcp"),
    MCP_INGEST_ROOT("engram.mcp.ingest-root", "--ingest-root", null, "the only folder the MCP tool ingest_files may read; unset = the tool is off"),
    MCP_ALLOWED_ORIGINS("engram.mcp.allowed-origins", null, null,
            "browser origins allowed on /mcp (comma-separated; requests without an Origin, as agent hosts send, always pass)"),
    MCP_MAX_TEXT_CHARS("engram.mcp.max-text-chars", null, "1000000", "the longest text ingest_text accepts"),
    MCP_MAX_REQUEST_BYTES("engram.mcp.max-request-bytes", null, "8388608", "the largest /mcp request body"),
    MCP_INGEST_WAIT("engram.mcp.ingest-wait", null, "60s", "how long MCP ingest tools wait for their job by default"),
    MCP_SESSION_IDLE("engram.mcp.session-idle", null, "60m", "how long an unused /mcp session is kept");

    /**
     * What a setting is.
     *
     * @param property     the Spring property name, e.g. {@code engram.embed-batch}
     * @param flag         the command-line flag, or null when the setting has none
     * @param defaultValue the default as text, or null when unset by default
     * @param description  what the setting does, in a few words
     * @param secret       true for keys and passwords, which are never printed
     * @param env          the environment variable: Spring's relaxed form of the property (e.g.
     *                     {@code ENGRAM_EMBED_BATCH}), or a shorter name where one was documented first
     *                     ({@code ENGRAM_MAX_*} for the input limits)
     * @param command      the one subcommand whose flag this is, or null when the flag means this setting everywhere
     */
    public record Spec(String property, String flag, String defaultValue, String description, boolean secret,
                       String env, String command) {}

    private final Spec spec;

    Setting(String property, String flag, String defaultValue, String description) {
        this(property, flag, defaultValue, description, false);
    }

    Setting(String property, String flag, String defaultValue, String description, boolean secret) {
        this.spec = new Spec(property, flag, defaultValue, description, secret, relaxed(property), null);
    }

    /** A setting whose flag belongs to one subcommand ({@code engram mcp --tenant} is not the ingest tenant). */
    Setting(String property, String flag, String defaultValue, String description, String command) {
        this.spec = new Spec(property, flag, defaultValue, description, false, relaxed(property), command);
    }

    /** A setting whose variable is not the relaxed form of its property. */
    Setting(String property, String flag, String defaultValue, String description, EnvName env) {
        this.spec = new Spec(property, flag, defaultValue, description, false, env.name(), null);
    }

    /** An environment variable named other than by Spring's relaxed rule. */
    private record EnvName(String name) {}

    private static EnvName envName(String name) {
        return new EnvName(name);
    }

    private static String relaxed(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** What this setting is: names, default, description. */
    public Spec spec() {
        return spec;
    }

    /** The environment variable, e.g. {@code ENGRAM_EMBED_BATCH}. */
    public String env() {
        return spec.env();
    }

    /** The setting a command-line flag (its long name) sets in {@code command} (a subcommand's name). */
    public static Optional<Setting> ofFlag(String command, String flag) {
        Setting general = null;
        for (Setting s : values()) {
            if (flag.equals(s.spec.flag())) {
                if (command != null && command.equals(s.spec.command())) {
                    return Optional.of(s);
                }
                if (s.spec.command() == null) {
                    general = s;
                }
            }
        }
        return Optional.ofNullable(general);
    }
}
