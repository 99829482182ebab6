package dev.engram.store.neo4j;

import java.nio.file.Path;

/**
 * Where the graph lives: an embedded database under {@code dataDir} with Bolt on loopback {@code boltPort}
 * (0 lets the OS pick a free port), or, when {@code uri} is set, a remote Neo4j server, cluster or Aura.
 */
public record StoreConfig(Path dataDir, int boltPort, String uri, String user, String password, String database) {

    /** Default data directory of an embedded store. */
    public static final Path DEFAULT_DATA_DIR = Path.of("engram-data");
    /** Default Bolt port of an embedded store. */
    public static final int DEFAULT_BOLT_PORT = 7687;

    public StoreConfig {
        dataDir = dataDir == null ? DEFAULT_DATA_DIR : dataDir;
        if (boltPort < 0 || boltPort > 65_535) {
            throw new IllegalArgumentException("Bolt port must be 0..65535, got " + boltPort);
        }
        uri = blankToNull(uri);
        user = blankToNull(user);
        password = password == null || password.isEmpty() ? null : password;
        database = blankToNull(database);
    }

    /** An embedded store in {@code dataDir} with Bolt on loopback {@code boltPort} (0 = any free port). */
    public static StoreConfig embedded(Path dataDir, int boltPort) {
        return new StoreConfig(dataDir, boltPort, null, null, null, null);
    }

    /** An embedded store with the defaults: ./engram-data, Bolt on 127.0.0.1:7687. */
    public static StoreConfig defaults() {
        return embedded(DEFAULT_DATA_DIR, DEFAULT_BOLT_PORT);
    }

    /** A remote store reached through the driver; {@code user} null means no authentication, {@code database} null the server's default. */
    public static StoreConfig remote(String uri, String user, String password, String database) {
        if (blankToNull(uri) == null) {
            throw new IllegalArgumentException("A remote store needs a URI (bolt://, neo4j://, neo4j+s://...)");
        }
        return new StoreConfig(null, DEFAULT_BOLT_PORT, uri, user, password, database);
    }

    /** True when this config names a remote server rather than an embedded database. */
    public boolean isRemote() {
        return uri != null;
    }

    @Override
    public String toString() {
        // never print the password
        return isRemote()
                ? "StoreConfig[remote " + uri + ", user=" + user + ", database=" + database + "]"
                : "StoreConfig[embedded " + dataDir + ", boltPort=" + boltPort + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
