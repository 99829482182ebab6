package dev.engram.store.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link Neo4jServerProcess} child JVM for one test class ({@code @RegisterExtension static}): started on a fresh
 * data directory before the class's tests, stopped after them (and seen to have exited), its directory then deleted.
 */
final class ChildNeo4jServer implements BeforeAllCallback, AfterAllCallback {
    private final String name;
    private final String password;
    private Path dir;
    private Neo4jServerProcess.Child child;

    /** A server whose files are named after {@code name}, Bolt behind {@code password} unless it is null. */
    ChildNeo4jServer(String name, String password) {
        this.name = name;
        this.password = password;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("engram-" + name);
        child = Neo4jServerProcess.launch(data(), dir.resolve(name + ".log"), password);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (child != null) {
            child.close();
            assertThat(child.process().isAlive()).isFalse();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The data directory the child serves. */
    Path data() {
        return dir.resolve(name + "-data");
    }

    /** The child JVM. */
    Process process() {
        return child.process();
    }

    /** Its Bolt URI on a loopback port. */
    String boltUri() {
        return child.boltUri();
    }
}
