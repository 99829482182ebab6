package dev.engram.store.neo4j;

import java.nio.file.Path;

/**
 * Where the graph lives: an embedded database under {@code dataDir} with Bolt on loopback {@code boltPort}
 * (0 lets the OS pick a free port), or, when {@code uri} is set, a remote Neo4j server, cluster or Aura.
 * {@code boltPassword}, when set, makes the embedded Bolt port require user {@code neo4j} with that password.
 */
public record StoreConfig(Path dataDir, int boltPort, String uri, String user, String password, String database,
                          String boltPassword) {

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
        boltPassword = boltPassword == null || boltPassword.isEmpty() ? null : boltPassword;
        if (boltPassword != null && boltPassword.length() < 8) {
            throw new IllegalArgumentException("the Bolt password must have at least 8 characters (Neo4j's minimum)");
        }
    }

    /** A store whose embedded Bolt port needs no authentication (reachable from loopback only). */
    public StoreConfig(Path dataDir, int boltPort, String uri, String user, String password, String database) {
        this(dataDir, boltPort, uri, user, password, database, null);
    }

    /** This config with the embedded Bolt port requiring {@code neo4j} / {@code boltPassword} (null = no auth). */
    public StoreConfig withBoltPassword(String boltPassword) {
        return new StoreConfig(dataDir, boltPort, uri, user, password, database, boltPassword);
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
                : "StoreConfig[embedded " + dataDir + ", boltPort=" + boltPort
                + (boltPassword == null ? "" : ", bolt auth") + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
