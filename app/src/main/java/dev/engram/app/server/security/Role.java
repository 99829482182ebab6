package dev.engram.app.server.security;

import java.util.Locale;

/** What a key may do: {@code read} queries and explores; {@code write} may also ingest and delete. */
public enum Role {
    READ, WRITE;

    /** Parses {@code read} or {@code write}, case-insensitively. */
    public static Role parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "read" -> READ;
            case "write" -> WRITE;
            default -> throw new IllegalArgumentException("unknown role '" + text + "' in ENGRAM_API_KEYS; use read or write");
        };
    }
}
