package dev.engram.store.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A stand-alone Neo4j server for {@link RemoteNeo4jProcessTest}: embedded Neo4j in this JVM with Bolt on a free
 * loopback port. Prints {@code BOLT <uri>} on stdout once Bolt answers, then serves until its stdin closes (the
 * parent exited or closed the pipe), and shuts the database down cleanly.
 *
 * <p>Usage: {@code java -cp <test classpath> dev.engram.store.neo4j.Neo4jServerProcess <dataDir> [port]}, or from a
 * test {@link #launch}. Tests of other modules use it too, as a Neo4j server that Engram reaches only over Bolt.
 */
public final class Neo4jServerProcess {

    /** The line prefix that announces the Bolt URI. */
    public static final String READY_PREFIX = "BOLT ";

    private Neo4jServerProcess() {}

    /** A running child JVM serving Bolt; closing it stops Neo4j cleanly (its stdin closes) and waits for the exit. */
    public record Child(Process process, String boltUri, Path log) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException, IOException {
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }
    }

    /**
     * Starts a child JVM on this test classpath serving {@code dataDir} on a free loopback port (its output in
     * {@code log}; Bolt behind {@code password} unless it is null) and waits until it announces its Bolt URI; fails
     * with the log if it dies or hangs first.
     */
    public static Child launch(Path dataDir, Path log, String password) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Xmx1g", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Neo4jServerProcess.class.getName(), dataDir.toString(), "0"));
        if (password != null) {
            cmd.add(password);
        }
        // stdout and stderr to a file, so a chatty child can never block on a full pipe
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    if (line.startsWith(READY_PREFIX)) {
                        return new Child(process, line.substring(READY_PREFIX.length()).strip(), log);
                    }
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("Neo4j child process exited (" + process.exitValue() + ") without a Bolt URI:\n"
                        + Files.readString(log));
            }
            Thread.sleep(100);
        }
        process.destroyForcibly().waitFor();
        throw new AssertionError("Neo4j child process announced no Bolt URI within 3 minutes:\n" + Files.readString(log));
    }

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
