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
        assertThatThrownBy(() -> EngramConfig.load(ConfigSource.ofEnv(Map.of("ENGRAM_LLM_BASE_URL", "http://h:1/v1"))))
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
        assertThatThrownBy(() -> EngramConfig.load(ConfigSource.ofEnv(Map.of("ENGRAM_EMBED_BATCH", "many"))))
                .hasMessageContaining("--embed-batch (ENGRAM_EMBED_BATCH)").hasMessageContaining("many");
    }

    @Test
    void everyVariableFollowsSpringsRelaxedName() {
        for (Setting s : Setting.values()) {
            assertThat(s.env()).startsWith("ENGRAM_").matches("[A-Z0-9_]+");
        }
        assertThat(Setting.NEO4J_PASSWORD.env()).isEqualTo("ENGRAM_NEO4J_PASSWORD");
    }

    @Test
    void configCommandMasksSecretsAndShowsOrigins() {
        CommandLine cli = Commands.commandLine(Map.of("ENGRAM_API_KEYS", "topsecret:write:*",
                "ENGRAM_LLM_API_KEY", "sk-hidden", "ENGRAM_CHUNK_TOKENS", "128"));
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
        assertThat(printed).doesNotContain("topsecret").doesNotContain("sk-hidden");
        assertThat(printed).containsPattern("ENGRAM_API_KEYS\\s+\\*\\*\\*\\*\\s+env");
        assertThat(printed).containsPattern("ENGRAM_EMBED_BATCH\\s+4\\s+flag");
        assertThat(printed).containsPattern("ENGRAM_CHUNK_TOKENS\\s+128\\s+env");
        assertThat(printed).containsPattern("ENGRAM_INGEST_BATCH\\s+64\\s+default");
    }
}
