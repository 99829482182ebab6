package dev.engram.app.server.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Who made a change, as the audit list shows it: a short SHA-256 fingerprint of the key presented (never the key),
 * or "open install" when the server runs without keys.
 */
public final class CallerLabel {
    private CallerLabel() {}

    /** The label of the caller of {@code request}. */
    public static String of(HttpServletRequest request) {
        return ApiKeyFilter.presentedKey(request).map(CallerLabel::fingerprint).orElse("open install");
    }

    static String fingerprint(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "key sha256:" + HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
