package dev.engram.store.neo4j;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The process that holds an embedded data directory, and where its Bolt port is: written beside the database when
 * it starts and removed when it stops, so a second Engram on the same directory can work through that process
 * instead of failing on Neo4j's store lock.
 *
 * @param pid     the holding process
 * @param boltUri its loopback Bolt URI
 */
public record StoreHolder(long pid, String boltUri) {
    private static final String FILE = "engram-holder.properties";

    /** The live process holding {@code dataDir}, other than this one; a file left by a dead process is ignored. */
    public static Optional<StoreHolder> find(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            long pid = Long.parseLong(p.getProperty("pid", "-1"));
            String bolt = p.getProperty("bolt");
            boolean alive = pid > 0 && pid != ProcessHandle.current().pid()
                    && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive && bolt != null && bolt.startsWith("bolt://127.0.0.1:")
                    ? Optional.of(new StoreHolder(pid, bolt)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable or half-written: behave as if nobody held it
        }
    }

    /** Records this process as the holder of {@code dataDir}. */
    static void claim(Path dataDir, String boltUri) {
        Properties p = new Properties();
        p.setProperty("pid", String.valueOf(ProcessHandle.current().pid()));
        p.setProperty("bolt", boltUri);
        Path file = dataDir.resolve(FILE);
        Path tmp = dataDir.resolve(FILE + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(out, "written by the Engram process that holds this data directory; removed when it stops");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + tmp, e);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Removes the record if this process wrote it. */
    static void release(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.isRegularFile(file) && Files.readString(file).contains("pid=" + ProcessHandle.current().pid() + "\n")) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a stale file names a dead process, which find() ignores
        }
    }
}
