package dev.engram.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.app.cli.Commands;
import dev.engram.extraction.llm.LlmConfig;
import dev.engram.retrieval.Mode;
import dev.engram.retrieval.graph.GraphRagSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EngramConfigTest {

    @Test
    void defaultsAreTheCatalogues() {
        EngramConfig config = EngramConfig.load(ConfigSource.defaults());
        assertThat(config.store().dataDir()).isEqualTo(Path.of("engram-data"));
        assertThat(config.store().boltPort()).isEqualTo(7687);
        assertThat(config.embedding().batchSize()).isEqualTo(64);
        assertThat(config.ingest().batchDocuments()).isEqualTo(64);
        assertThat(config.retrieval().mode()).isEqualTo(Mode.GRAPHRAG);
        assertThat(config.retrieval().graph()).isEqualTo(GraphRagSettings.DEFAULTS);
        assertThat(config.llm()).isEmpty();
        assertThat(config.embeddings()).isEmpty();
        assertThat(config.server().sparqlTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void flagsWinOverEnvironmentWhichWinsOverDefaults() {
        ConfigSource source = ConfigSource.of(Map.of(Setting.EMBED_BATCH, "8"),
                Map.of("ENGRAM_EMBED_BATCH", "16", "ENGRAM_INGEST_BATCH", "5", "ENGRAM_DAMPING", "0.3")::get);
        EngramConfig config = EngramConfig.load(source);
        assertThat(config.embedding().batchSize()).isEqualTo(8);
        assertThat(source.get(Setting.EMBED_BATCH).origin()).isEqualTo(ConfigSource.Origin.FLAG);
        assertThat(config.ingest().batchDocuments()).isEqualTo(5);
        assertThat(config.retrieval().graph().damping()).isEqualTo(0.3);
        assertThat(source.get(Setting.CHUNK_TOKENS).origin()).isEqualTo(ConfigSource.Origin.DEFAULT);
    }

    @Test
    void sparqlLimitsFollowCypherUnlessSet() {
        EngramConfig config = EngramConfig.load(ConfigSource.ofEnv(Map.of("ENGRAM_CYPHER_TIMEOUT", "2s",
                "ENGRAM_CYPHER_MAX_ROWS", "50", "ENGRAM_SPARQL_MAX_ROWS", "7")));
        assertThat(config.server().sparqlTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.server().sparqlMaxRows()).isEqualTo(7);
    }

    @Test
    void theLlmComesFromItsVariables() {
        rejected("ENGRAM_LLM_BASE_URL", "http://h:1/v1")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ENGRAM_LLM_MODEL");
        LlmConfig llm = EngramConfig.load(ConfigSource.ofEnv(Map.of(
                "ENGRAM_LLM_BASE_URL", "http://h:1/v1/",
                "ENGRAM_LLM_MODEL", "llama3",
                "ENGRAM_LLM_API_KEY", "secret",
                "ENGRAM_LLM_TIMEOUT_SECONDS", "2.5",
                "ENGRAM_LLM_CONCURRENCY", "8",
                "ENGRAM_LLM_CACHE_DIR", "none"))).llm().orElseThrow();
        assertThat(llm.baseUrl()).isEqualTo("http://h:1/v1");
        assertThat(llm.model()).isEqualTo("llama3");
        assertThat(llm.apiKey()).isEqualTo("secret");
        assertThat(llm.timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(llm.maxConcurrency()).isEqualTo(8);
        assertThat(llm.cacheDir()).isNull();
        assertThat(llm.toString()).doesNotContain("secret");
        EngramConfig.EmbeddingsServer embeddings = EngramConfig.load(ConfigSource.ofEnv(Map.of(
                "ENGRAM_EMBEDDINGS_BASE_URL", "http://h:2/v1", "ENGRAM_EMBEDDINGS_MODEL", "nomic-embed-text",
                "ENGRAM_EMBEDDINGS_QUERY_PREFIX", "search_query: "))).embeddings().orElseThrow();
        assertThat(embeddings.client().model()).isEqualTo("nomic-embed-text");
        assertThat(embeddings.queryPrefix()).isEqualTo("search_query: ");
        assertThat(embeddings.client().cacheDir()).isNull();
    }

    @Test
    void aBadValueNamesWhatToFix() {
        rejected("ENGRAM_EMBED_BATCH", "many")
                .hasMessageContaining("--embed-batch (ENGRAM_EMBED_BATCH)").hasMessageContaining("many");
    }

    @Test
    void everyVariableFollowsSpringsRelaxedName() {
        for (Setting s : Setting.values()) {
            assertThat(s.env()).startsWith("ENGRAM_").matches("[A-Z0-9_]+");
            if (!s.spec().property().startsWith("engram.limits.") && s != Setting.MAX_TOP_K) {
                assertThat(s.env()).isEqualTo(s.spec().property().toUpperCase(java.util.Locale.ROOT)
                        .replace('.', '_').replace('-', '_'));
            }
        }
        assertThat(Setting.NEO4J_PASSWORD.env()).isEqualTo("ENGRAM_NEO4J_PASSWORD");
        // the input limits keep the shorter names SECURITY.md documented first
        assertThat(Setting.MAX_BODY.env()).isEqualTo("ENGRAM_MAX_BODY");
        assertThat(Setting.MAX_TOP_K.env()).isEqualTo("ENGRAM_MAX_TOP_K");
    }

    @Test
    void securityCommunityPageRankAndMcpSettingsAreInTheOneModel() {
        EngramConfig defaults = EngramConfig.load(ConfigSource.defaults());
        assertThat(defaults.limits()).isEqualTo(dev.engram.app.server.InputLimits.DEFAULTS);
        assertThat(defaults.server().host()).isEqualTo("127.0.0.1");
        assertThat(defaults.server().allowOpen()).isFalse();
        assertThat(defaults.store().boltPassword()).isNull();
        assertThat(defaults.communities()).isEqualTo(dev.engram.store.community.CommunitySettings.DEFAULTS);
        assertThat(defaults.mcp().settings().ingestRoot()).isEmpty();
        assertThat(defaults.mcp().role()).isEqualTo("read");
        assertThat(defaults.mcp().tenant()).isEqualTo("*");

        EngramConfig set = EngramConfig.load(ConfigSource.ofEnv(Map.ofEntries(
                Map.entry("ENGRAM_MAX_QUESTION_CHARS", "50"), Map.entry("ENGRAM_MAX_BODY", "2KB"),
                Map.entry("ENGRAM_MAX_UPLOAD", "1MB"), Map.entry("ENGRAM_MAX_TOP_K", "7"),
                Map.entry("ENGRAM_CYPHER_MAX_ROWS", "9"), Map.entry("ENGRAM_BOLT_PASSWORD", "longenough"),
                Map.entry("ENGRAM_ALLOW_OPEN", "true"), Map.entry("ENGRAM_PPR_METHOD", "local"), Map.entry("ENGRAM_PPR_THREADS", "2"),
                Map.entry("ENGRAM_COMMUNITY_MAX_SIZE", "12"), Map.entry("ENGRAM_MCP_ALLOWED_ORIGINS", "http://a, http://b"),
                Map.entry("ENGRAM_MCP_SESSION_IDLE", "5s"))));
        assertThat(set.limits().questionChars()).isEqualTo(50);
        assertThat(set.limits().bodyBytes()).isEqualTo(2048);
        assertThat(set.limits().uploadBytes()).isEqualTo(1_048_576);
        assertThat(set.limits().topK()).isEqualTo(7);
        assertThat(set.limits().cypherRows()).isEqualTo(9);
        assertThat(set.store().boltPassword()).isEqualTo("longenough");
        assertThat(set.store().toString()).doesNotContain("longenough");
        assertThat(set.server().allowOpen()).isTrue();
        assertThat(set.retrieval().graph().pprStrategy().method())
                .isEqualTo(dev.engram.retrieval.graph.PprStrategy.Method.LOCAL);
        assertThat(set.retrieval().graph().pprStrategy().threads()).isEqualTo(2);
        assertThat(defaults.retrieval().graph().pprStrategy().threads()).isEqualTo(1);
        assertThat(set.communities().maxSize()).isEqualTo(12);
        assertThat(set.mcp().settings().allowedOrigins()).containsExactly("http://a", "http://b");
        assertThat(set.mcp().settings().sessionIdle()).isEqualTo(Duration.ofSeconds(5));

        rejected("ENGRAM_PPR_METHOD", "fast")
                .hasMessageContaining("--ppr-method (ENGRAM_PPR_METHOD)").hasMessageContaining("auto, global or local");
        rejected("ENGRAM_PPR_THREADS", "0")
                .hasMessageContaining("--ppr-threads (ENGRAM_PPR_THREADS)").hasMessageContaining("between 1 and 64");
        rejected("ENGRAM_PPR_THREADS", "abc")
                .hasMessage("--ppr-threads (ENGRAM_PPR_THREADS): cannot use 'abc' (not a number)");
        rejected("ENGRAM_MAX_HOPS", "0")
                .hasMessageContaining("input limits");
    }

    @Test
    void aFlagMeansItsCommandsSetting() {
        // engram mcp --tenant names the stdio caller's tenant; engram ingest --tenant stamps documents
        assertThat(Setting.ofFlag("mcp", "--tenant")).contains(Setting.MCP_TENANT);
        assertThat(Setting.ofFlag("ingest", "--tenant")).contains(Setting.TENANT);
        assertThat(Setting.ofFlag("export", "--role")).isEmpty();
        CommandLine cli = Commands.commandLine(Map.of("ENGRAM_TENANT", "ingest-tenant"));
        CommandLine.ParseResult parsed = cli.parseArgs("mcp", "--role", "write");
        CommandLine mcp = parsed.subcommand().commandSpec().commandLine();
        EngramConfig config = EngramConfig.load(((CliConfig) cli.getCommandSpec().defaultValueProvider())
                .source(mcp.getCommandSpec()));
        assertThat(config.mcp().role()).isEqualTo("write");
        assertThat(config.mcp().tenant()).as("ENGRAM_TENANT is not the MCP caller's").isEqualTo("*");
    }

    @Test
    void queryTimeDecompositionAndLlmSettingsHaveDefaultsAndLimits() {
        EngramConfig defaults = EngramConfig.load(ConfigSource.defaults());
        assertThat(defaults.retrieval().compositional()).isTrue();
        assertThat(defaults.retrieval().queryLlm().decompose()).isTrue();
        assertThat(defaults.retrieval().queryLlm().grade()).isTrue();
        assertThat(defaults.retrieval().queryLlm().limits())
                .isEqualTo(dev.engram.retrieval.llm.QueryLlmLimits.DEFAULTS);
        assertThat(defaults.retrieval().queryLlm().timeout()).isEqualTo(java.time.Duration.ofSeconds(20));

        EngramConfig set = EngramConfig.load(ConfigSource.ofEnv(Map.of("ENGRAM_COMPOSITIONAL", "false",
                "ENGRAM_LLM_SUB_QUESTIONS", "off", "ENGRAM_LLM_GRADE", "no", "ENGRAM_LLM_QUERY_CALLS", "2",
                "ENGRAM_LLM_QUERY_TIMEOUT", "1500ms", "ENGRAM_LLM_QUERY_PROMPT_CHARS", "4000")));
        assertThat(set.retrieval().compositional()).isFalse();
        assertThat(set.retrieval().queryLlm().decompose()).isFalse();
        assertThat(set.retrieval().queryLlm().grade()).isFalse();
        assertThat(set.retrieval().queryLlm().limits().maxCalls()).isEqualTo(2);
        assertThat(set.retrieval().queryLlm().limits().promptChars()).isEqualTo(4000);
        assertThat(set.retrieval().queryLlm().timeout()).isEqualTo(java.time.Duration.ofMillis(1500));
        assertThat(set.withGraph(set.retrieval().graph()).retrieval()).isEqualTo(set.retrieval());

        rejected("ENGRAM_LLM_QUERY_CALLS", "0")
                .hasMessageContaining("LLM query settings").hasMessageContaining("at least 1 call");
        rejected("ENGRAM_LLM_QUERY_TIMEOUT", "0s")
                .hasMessageContaining("timeout must be positive");
    }

    @Test
    void configCommandMasksSecretsAndShowsOrigins() {
        CommandLine cli = Commands.commandLine(Map.of("ENGRAM_API_KEYS", "topsecret:write:*",
                "ENGRAM_LLM_API_KEY", "sk-hidden", "ENGRAM_CHUNK_TOKENS", "128", "ENGRAM_BOLT_PASSWORD", "bolt-secret-1"));
        java.io.PrintStream saved = System.out;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        int status;
        try {
            status = cli.execute("config", "--embed-batch", "4");
        } finally {
            System.setOut(saved);
        }
        String printed = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(status).isZero();
        assertThat(printed).doesNotContain("topsecret").doesNotContain("sk-hidden").doesNotContain("bolt-secret-1");
        assertThat(printed).containsPattern("ENGRAM_BOLT_PASSWORD\\s+\\*\\*\\*\\*\\s+env");
        assertThat(printed).containsPattern("ENGRAM_MAX_QUESTION_CHARS\\s+4000\\s+default");
        assertThat(printed).containsPattern("ENGRAM_MCP_SESSION_IDLE\\s+60m\\s+default");
        assertThat(printed).containsPattern("ENGRAM_API_KEYS\\s+\\*\\*\\*\\*\\s+env");
        assertThat(printed).containsPattern("ENGRAM_EMBED_BATCH\\s+4\\s+flag");
        assertThat(printed).containsPattern("ENGRAM_CHUNK_TOKENS\\s+128\\s+env");
        assertThat(printed).containsPattern("ENGRAM_INGEST_BATCH\\s+64\\s+default");
    }

    /** Loading the configuration with just this environment variable set fails; assert on the failure next. */
    private static AbstractThrowableAssert<?, ? extends Throwable> rejected(String variable, String value) {
        return assertThatThrownBy(() -> EngramConfig.load(ConfigSource.ofEnv(Map.of(variable, value))));
    }
}
