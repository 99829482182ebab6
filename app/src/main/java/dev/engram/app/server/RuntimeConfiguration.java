package dev.engram.app.server;

import dev.engram.app.runtime.BoltPassword;
import dev.engram.app.runtime.EmbedderSettings;
import dev.engram.app.runtime.EngramRuntime;
import dev.engram.retrieval.graph.GraphRagSettings;
import dev.engram.store.neo4j.StoreConfig;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The runtime as a bean. {@code engram serve} hands in a runtime it opened from its options;
 * otherwise (tests, a plain {@code java -jar}) one is opened here from the same ENGRAM_* settings and closed on
 * shutdown.
 */
@Configuration(proxyBeanMethods = false)
public class RuntimeConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(EngramRuntime.class)
    EngramRuntime engramRuntime(@Value("${engram.data-dir}") Path dataDir,
                                @Value("${engram.bolt-port}") int boltPort,
                                @Value("${engram.neo4j.uri:}") String uri,
                                @Value("${engram.neo4j.user:neo4j}") String user,
                                @Value("${engram.neo4j.password:}") String password,
                                @Value("${engram.neo4j.database:neo4j}") String database,
                                @Value("${engram.chunk-tokens}") int chunkTokens,
                                @Value("${engram.chunk-overlap}") int chunkOverlap,
                                @Value("${engram.embed-batch}") int embedBatch,
                                @Value("${engram.embed-threads}") int embedThreads,
                                @Value("${engram.bolt-password:}") String boltPassword,
                                @Value("${engram.api-keys:}") String apiKeys) {
        int threads = embedThreads > 0 ? embedThreads : Runtime.getRuntime().availableProcessors();
        StoreConfig store = new StoreConfig(dataDir, boltPort, uri, user, password, database);
        if (!store.isRemote()) {
            // with API keys, the embedded Bolt port must not be a way around them
            store = store.withBoltPassword(BoltPassword.resolve(dataDir, boltPassword, !apiKeys.isBlank()));
        }
        return EngramRuntime.open(store,
                new EmbedderSettings(chunkTokens, chunkOverlap, embedBatch, threads), GraphRagSettings.DEFAULTS);
    }
}
