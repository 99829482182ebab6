package dev.engram.extraction.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LLM answers on disk, one small JSON file per key, so a re-run of an extraction costs no requests. Files are written
 * to a temporary name and moved into place, so concurrent writers and crashes never leave a half-written entry.
 */
final class ResponseCache {

    private static final Logger log = LoggerFactory.getLogger(ResponseCache.class);

    private final Path dir;
    private final ObjectMapper json = new ObjectMapper();

    ResponseCache(Path dir) {
        this.dir = dir;
    }

    /** The sha256 (hex) of the parts, separated so that ("ab","c") and ("a","bc") differ. */
    static String key(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** The cached answer for {@code key}, if there is a readable one. */
    Optional<String> get(String key) {
        Path file = file(key);
        try {
            JsonNode node = json.readTree(Files.readString(file));
            return node.path("content").isTextual() ? Optional.of(node.path("content").asText()) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // A damaged entry is only a lost saving: ask the LLM again and overwrite it.
            log.warn("Ignoring unreadable LLM cache entry {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Stores {@code content} under {@code key}; failures are logged, never thrown (the cache is an optimisation). */
    void put(String key, String model, String content) {
        Path file = file(key);
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            ObjectNode node = json.createObjectNode().put("model", model).put("content", content);
            temp = Files.createTempFile(file.getParent(), key.substring(0, 8), ".tmp");
            Files.writeString(temp, json.writeValueAsString(node));
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            log.warn("Cannot write LLM cache entry {}: {}", file, e.getMessage());
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Leftover temp files are harmless: they never match a key.
                }
            }
        }
    }

    private Path file(String key) {
        // Two-character fan-out keeps directories small for corpora of millions of passages.
        return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
    }
}
