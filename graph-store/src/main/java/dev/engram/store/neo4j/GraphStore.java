package dev.engram.store.neo4j;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.NotificationSeverity;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * An open Engram graph: a Neo4j driver plus, in embedded mode, the database it talks to. Every read and
 * write goes through the driver, so embedded and remote stores behave the same.
 */
public final class GraphStore implements AutoCloseable {

    private final Driver driver;
    private final String database;
    private final String boltUri;
    private Path dataDir;
    private StoreHolder holder;
    private final EmbeddedNeo4j embedded;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;

    private GraphStore(Driver driver, String database, String boltUri, EmbeddedNeo4j embedded) {
        this.driver = driver;
        this.database = database;
        this.boltUri = boltUri;
        this.embedded = embedded;
        this.shutdownHook = new Thread(this::close, "engram-graph-store-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Opens the store the config names: starts embedded Neo4j, or connects to a remote server. An embedded data
     * directory another live Engram holds is opened through that process's loopback Bolt port instead (see
     * {@link #heldBy()}), since Neo4j lets one process at a time open it, logging in with the config's Bolt
     * password when it has one.
     */
    public static GraphStore open(StoreConfig config) {
        if (config.isRemote()) {
            return openRemote(config);
        }
        Optional<StoreHolder> holder = StoreHolder.find(config.dataDir());
        if (holder.isPresent()) {
            // the holder's port asks for the data directory's Bolt password when it was started with one
            String password = config.boltPassword();
            GraphStore shared = openRemote(StoreConfig.remote(holder.get().boltUri(),
                    password == null ? null : EmbeddedNeo4j.USER, password, EmbeddedNeo4j.DATABASE));
            shared.holder = holder.get();
            return shared;
        }
        return openEmbedded(config);
    }

    private static GraphStore openEmbedded(StoreConfig config) {
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(config.dataDir(), config.boltPort(), config.boltPassword());
        try {
            AuthToken auth = config.boltPassword() == null ? AuthTokens.none()
                    : AuthTokens.basic(EmbeddedNeo4j.USER, config.boltPassword());
            Driver driver = GraphDatabase.driver(neo4j.boltUri(), auth, driverConfig());
            driver.verifyConnectivity();
            StoreHolder.claim(config.dataDir(), neo4j.boltUri());
            GraphStore store = new GraphStore(driver, EmbeddedNeo4j.DATABASE, neo4j.boltUri(), neo4j);
            store.dataDir = config.dataDir();
            return store;
        } catch (RuntimeException e) {
            neo4j.shutdown();
            throw new GraphStoreException("Embedded Neo4j started but its Bolt port " + neo4j.boltUri()
                    + " did not answer: " + e.getMessage(), e);
        }
    }

    private static GraphStore openRemote(StoreConfig config) {
        String uri = config.uri();
        if (!uri.matches("(?i)(bolt|neo4j)(\\+s|\\+ssc)?://.+")) {
            throw new GraphStoreException("Unsupported Neo4j URI '" + uri
                    + "': use bolt://, neo4j://, neo4j+s:// (or bolt+s://, +ssc variants)");
        }
        AuthToken auth = config.user() == null
                ? AuthTokens.none()
                : AuthTokens.basic(config.user(), config.password() == null ? "" : config.password());
        Driver driver;
        try {
            driver = GraphDatabase.driver(uri, auth, driverConfig());
        } catch (RuntimeException e) {
            throw new GraphStoreException("Invalid Neo4j URI '" + uri + "': " + e.getMessage(), e);
        }
        try {
            driver.verifyConnectivity();
            String database = config.database() != null ? config.database() : defaultDatabase(driver);
            return new GraphStore(driver, database, uri, null);
        } catch (RuntimeException e) {
            driver.close();
            throw new GraphStoreException("Cannot connect to Neo4j at " + uri
                    + (config.user() == null ? " without credentials" : " as " + config.user()) + ": "
                    + e.getMessage(), e);
        }
    }

    /** The server's home database for this user, so every session names its database explicitly. */
    private static String defaultDatabase(Driver driver) {
        try (Session session = driver.session()) {
            return session.run("CALL db.info() YIELD name RETURN name").single().get("name").asString();
        }
    }

    private static Config driverConfig() {
        return Config.builder()
                .withLogging(Logging.slf4j())
                // deprecation and performance hints are for developers, not for users of the tool
                .withMinimumNotificationSeverity(NotificationSeverity.WARNING)
                // concurrent writers (workers, shards) deadlock on shared entities; executeWrite reruns the
                // transaction on transient errors with exponential backoff, bounded here (TransientRetryTest)
                .withMaxTransactionRetryTime(30, java.util.concurrent.TimeUnit.SECONDS)
                .build();
    }

    /** The driver every query goes through. */
    public Driver driver() {
        return driver;
    }

    /** The database name all sessions use. */
    public String database() {
        return database;
    }

    /** A new session on this store's database; close it after use. */
    public Session session() {
        return driver.session(SessionConfig.forDatabase(database));
    }

    /** The Bolt URI of this store: where cypher-shell or Neo4j Browser can connect. */
    public String boltUri() {
        return boltUri;
    }

    /** The other Engram process whose embedded database this store works through, if it is one. */
    public Optional<StoreHolder> heldBy() {
        return Optional.ofNullable(holder);
    }

    /** True when this process runs the database itself. */
    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Closes the driver and shuts an embedded database down; safe to call more than once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            driver.close();
        } finally {
            if (embedded != null) {
                StoreHolder.release(dataDir);
                embedded.shutdown();
            }
            removeShutdownHook();
        }
    }

    private void removeShutdownHook() {
        if (Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the JVM is exiting and will run the hook, which finds the store closed
        }
    }

    @Override
    public String toString() {
        return "GraphStore[" + (isEmbedded() ? "embedded " : "remote ") + boltUri + ", database=" + database + "]";
    }
}
