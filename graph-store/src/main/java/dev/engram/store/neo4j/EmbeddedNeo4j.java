package dev.engram.store.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * An embedded Neo4j DBMS in a data directory, reachable only over Bolt on the loopback interface, with
 * authentication when a password is given. No query can read a file: file URLs are off and the import directory
 * is an empty folder of the data directory.
 */
final class EmbeddedNeo4j {

    static final String DATABASE = GraphDatabaseSettings.DEFAULT_DATABASE_NAME;
    private static final String LOOPBACK = "127.0.0.1";

    private final DatabaseManagementService dbms;
    private final int boltPort;

    private EmbeddedNeo4j(DatabaseManagementService dbms, int boltPort) {
        this.dbms = dbms;
        this.boltPort = boltPort;
    }

    /** The user our driver and an operator's Neo4j Browser log in as when Bolt requires authentication. */
    static final String USER = "neo4j";
    /** The folder LOAD CSV would read from, kept empty; LOAD CSV itself is refused by the Cypher API. */
    static final String IMPORT_DIR = "import-disabled";

    static EmbeddedNeo4j start(Path dataDir, int requestedPort, String password) {
        Path home = dataDir.toAbsolutePath().normalize();
        Path logConfig = writeLogConfigIfAbsent(home);
        Path importDir = emptyImportDirectory(home);
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    // loopback only, so without a password nothing off this machine may connect
                    .setConfig(BoltConnector.listen_address, new SocketAddress(LOOPBACK, requestedPort))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(LOOPBACK, requestedPort))
                    .setConfig(GraphDatabaseSettings.auth_enabled, password != null)
                    .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                    .setConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir)
                    .setConfig(GraphDatabaseSettings.server_logging_config_path, logConfig)
                    // Bolt's Netty loops otherwise idle through a multi-second quiet period per group at shutdown;
                    // our own driver is closed first, so there is nothing to wait for
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ZERO)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
                    .build();
        } catch (RuntimeException e) {
            throw new GraphStoreException("Could not start embedded Neo4j in " + home + " with Bolt on "
                    + LOOPBACK + ":" + requestedPort + " (is another Engram using this data directory, or the port"
                    + " taken? pick another with the Bolt port setting): " + rootMessage(e), e);
        }
        try {
            var db = (GraphDatabaseAPI) dbms.database(DATABASE);
            // with port 0 the OS chose; the port register knows which
            var address = db.getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT);
            if (address == null) {
                throw new GraphStoreException("Embedded Neo4j started without a Bolt connector; is neo4j-bolt on the classpath?");
            }
            if (password != null) {
                setPassword(dbms, password);
            }
            return new EmbeddedNeo4j(dbms, address.getPort());
        } catch (RuntimeException e) {
            dbms.shutdown();
            throw e;
        }
    }

    /**
     * Sets the password of {@link #USER} through the embedded API (which needs no login), so a configured or
     * generated password always wins over whatever the system database held before.
     */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED", java.util.Map.of("password", password));
        } catch (RuntimeException e) {
            String message = rootMessage(e);
            // setting the same password again is refused; it is already what we want
            String lower = message.toLowerCase(java.util.Locale.ROOT);
            if (!(lower.contains("old password") && lower.contains("same"))) {
                throw new GraphStoreException("Cannot set the Bolt password of the embedded database: " + message, e);
            }
        }
    }

    private static Path emptyImportDirectory(Path home) {
        Path dir = home.resolve(IMPORT_DIR);
        try {
            Files.createDirectories(dir);
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new GraphStoreException(dir + " must stay empty: it is the import directory of the embedded"
                            + " database, kept empty so no query can read a file through it");
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

    int boltPort() {
        return boltPort;
    }

    String boltUri() {
        return "bolt://" + LOOPBACK + ":" + boltPort;
    }

    void shutdown() {
        dbms.shutdown();
    }

    /** Neo4j logs at INFO by default; a file the operator can edit turns that down to warnings. */
    private static Path writeLogConfigIfAbsent(Path home) {
        Path config = home.resolve("conf").resolve("server-logs.xml");
        if (Files.exists(config)) {
            return config;
        }
        try (InputStream in = EmbeddedNeo4j.class.getResourceAsStream("server-logs.xml")) {
            if (in == null) {
                throw new IllegalStateException("server-logs.xml missing from the graph-store jar");
            }
            Files.createDirectories(config.getParent());
            Files.copy(in, config);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + config, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
