package dev.engram.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the graph lives: an embedded Neo4j in a data directory, or a remote Neo4j (read through {@link Commands#config}). */
public final class StoreOptions {
    @Option(names = "--data-dir", paramLabel = "<dir>", description = "Embedded Neo4j data directory (env ENGRAM_DATA_DIR, default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--bolt-port", paramLabel = "<port>", description = "Loopback Bolt port of the embedded database; 0 = any free port (env ENGRAM_BOLT_PORT, default ${DEFAULT-VALUE}).")
    int boltPort;

    @Option(names = "--neo4j-uri", paramLabel = "<uri>", description = "Use a remote Neo4j instead (bolt://, neo4j://, neo4j+s://; env ENGRAM_NEO4J_URI).")
    String uri;

    @Option(names = "--neo4j-user", description = "Remote Neo4j user (env ENGRAM_NEO4J_USER, default ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--neo4j-password", arity = "0..1", interactive = true,
            description = "Remote Neo4j password (env ENGRAM_NEO4J_PASSWORD).")
    String password;

    @Option(names = "--neo4j-database", description = "Database name (env ENGRAM_NEO4J_DATABASE, default ${DEFAULT-VALUE}).")
    String database;

    @Option(names = "--bolt-password", paramLabel = "<password>",
            description = "Password (user neo4j) the embedded Bolt port requires; without it, one is generated into "
                    + "<data-dir>/bolt-password when serving with API keys (env ENGRAM_BOLT_PASSWORD).")
    String boltPassword;
}
