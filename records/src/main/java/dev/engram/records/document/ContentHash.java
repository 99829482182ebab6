package dev.engram.records.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * SHA-256 of a document's content, for idempotent re-ingest: the same title, text and metadata give the same
 * hash on any machine, so an unchanged document can be skipped and a changed one replaced.
 *
 * <p>Hashed: the UTF-8 bytes of the canonical JSON {@code ["engram-doc-v1", title, text, metadata]}, with
 * every map's keys sorted (at any depth) and no whitespace. Not hashed: {@code id} (the key the hash is stored
 * under) and {@code source} (a path that differs between machines). A null title counts as {@code ""}.
 */
public final class ContentHash {

    private static final String VERSION = "engram-doc-v1";

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private ContentHash() {}

    /** Lower-case hex SHA-256 (64 characters) of the document's title, text and metadata. */
    public static String of(SourceDocument document) {
        return of(document.title(), document.text(), document.metadata());
    }

    /** Lower-case hex SHA-256 (64 characters) of a title, a text and metadata. */
    public static String of(String title, String text, Map<String, ?> metadata) {
        List<Object> canonical = new ArrayList<>(4);
        canonical.add(VERSION);
        canonical.add(title == null ? "" : title);
        canonical.add(text == null ? "" : text);
        canonical.add(metadata == null ? Map.of() : metadata);
        try {
            return sha256(CANONICAL.writeValueAsBytes(canonical));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("metadata cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Lower-case hex SHA-256 of a string's UTF-8 bytes (e.g. for chunk texts). */
    public static String ofText(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
