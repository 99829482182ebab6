package dev.engram.store.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A stand-alone Neo4j server for {@link RemoteNeo4jProcessTest}: embedded Neo4j in this JVM with Bolt on a free
 * loopback port. Prints {@code BOLT <uri>} on stdout once Bolt answers, then serves until its stdin closes (the
 * parent exited or closed the pipe), and shuts the database down cleanly.
 *
 * <p>Usage: {@code java -cp <test classpath> dev.engram.store.neo4j.Neo4jServerProcess <dataDir> [port]}
 */
public final class Neo4jServerProcess {

    /** The line prefix that announces the Bolt URI. */
    public static final String READY_PREFIX = "BOLT ";

    private Neo4jServerProcess() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: Neo4jServerProcess <dataDir> [port]");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]);
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dataDir, port, args.length > 2 ? args[2] : null);
        // as a running Engram does, so another process on the same directory works through this one
        StoreHolder.claim(dataDir, neo4j.boltUri());
        try {
            System.out.println(READY_PREFIX + neo4j.boltUri());
            System.out.flush();
            InputStream in = System.in;
            byte[] buffer = new byte[256];
            while (in.read(buffer) >= 0) {
                // serve until the parent closes our stdin
            }
        } finally {
            StoreHolder.release(dataDir);
            neo4j.shutdown();
        }
    }
}
