package dev.engram.app.runtime;

import dev.engram.store.neo4j.StoreConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * The password of the embedded database's Bolt port: the configured one, else the one generated before and kept in
 * {@value #FILE_NAME} in the data directory (readable by its owner only), else — when the server uses API keys —
 * a new generated one written there. Once a data directory has a password file, every command uses it, so Bolt
 * never silently reopens without authentication.
 */
public final class BoltPassword {
    /** The file in the data directory holding a generated password. */
    public static final String FILE_NAME = "bolt-password";

    private BoltPassword() {}

    /**
     * The password to use, or null for none.
     *
     * @param configured the operator's password (ENGRAM_BOLT_PASSWORD), or null
     * @param required   true when Bolt must require authentication (the server has API keys)
     */
    public static String resolve(Path dataDir, String configured, boolean required) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            if (!required) {
                return null;
            }
            return generate(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the Bolt password file " + file, e);
        }
    }

    /**
     * {@code store} with its embedded Bolt password resolved as {@link #resolve(Path, String, boolean)} does; a
     * remote store is returned as it is.
     */
    public static StoreConfig resolve(StoreConfig store, boolean required) {
        return store.isRemote() ? store
                : store.withBoltPassword(resolve(store.dataDir(), store.boltPassword(), required));
    }

    private static String generate(Path file) throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.getParent());
        Set<java.nio.file.attribute.PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        try {
            // created with owner-only permissions, so the secret is never readable by others, not even briefly
            Files.newByteChannel(file, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(ownerOnly)).close();
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        return password;
    }
}
