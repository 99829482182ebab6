package dev.engram.app.cli;

import dev.engram.app.runtime.BoltPassword;
import dev.engram.store.neo4j.StoreConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the graph lives: an embedded Neo4j in a data directory, or a remote Neo4j. */
public final class StoreOptions {
    @Option(names = "--data-dir", paramLabel = "<dir>", defaultValue = "${env:ENGRAM_DATA_DIR:-engram-data}",
            description = "Embedded Neo4j data directory (env ENGRAM_DATA_DIR, default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--bolt-port", paramLabel = "<port>", defaultValue = "${env:ENGRAM_BOLT_PORT:-7687}",
            description = "Loopback Bolt port of the embedded database; 0 = any free port (env ENGRAM_BOLT_PORT, default ${DEFAULT-VALUE}).")
    int boltPort;

    @Option(names = "--neo4j-uri", paramLabel = "<uri>", defaultValue = "${env:ENGRAM_NEO4J_URI}",
            description = "Use a remote Neo4j instead (bolt://, neo4j://, neo4j+s://; env ENGRAM_NEO4J_URI).")
    String uri;

    @Option(names = "--neo4j-user", defaultValue = "${env:ENGRAM_NEO4J_USER:-neo4j}",
            description = "Remote Neo4j user (env ENGRAM_NEO4J_USER, default ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--neo4j-password", defaultValue = "${env:ENGRAM_NEO4J_PASSWORD}", arity = "0..1", interactive = true,
            description = "Remote Neo4j password (env ENGRAM_NEO4J_PASSWORD).")
    String password;

    @Option(names = "--neo4j-database", defaultValue = "${env:ENGRAM_NEO4J_DATABASE:-neo4j}",
            description = "Database name (env ENGRAM_NEO4J_DATABASE, default ${DEFAULT-VALUE}).")
    String database;

    @Option(names = "--bolt-password", paramLabel = "<password>", defaultValue = "${env:ENGRAM_BOLT_PASSWORD}",
            description = "Password (user neo4j) the embedded Bolt port requires; without it, one is generated into "
                    + "<data-dir>/bolt-password when serving with API keys (env ENGRAM_BOLT_PASSWORD).")
    String boltPassword;

    /** The store configuration these options describe, with {@code dataDir} overriding the option when given. */
    StoreConfig toConfig(Path dataDirOverride) {
        return toConfig(dataDirOverride, false);
    }

    /**
     * The store configuration; {@code boltAuthRequired} (a server with API keys) makes the embedded Bolt port
     * require a password, generated when none is configured. A data directory that has one always uses it.
     */
    StoreConfig toConfig(Path dataDirOverride, boolean boltAuthRequired) {
        Path dir = dataDirOverride != null ? dataDirOverride : dataDir;
        StoreConfig config = new StoreConfig(dir, boltPort, uri == null || uri.isBlank() ? null : uri, user, password,
                database);
        return config.isRemote() ? config
                : config.withBoltPassword(BoltPassword.resolve(dir, boltPassword, boltAuthRequired));
    }
}
