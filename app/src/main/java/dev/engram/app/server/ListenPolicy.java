package dev.engram.app.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where the server may listen: loopback always; any other address only with API keys, or with the operator's
 * explicit opt-in ({@code --allow-open} / ENGRAM_ALLOW_OPEN), which still earns a warning.
 */
public final class ListenPolicy {
    private ListenPolicy() {}

    /**
     * Refuses (IllegalStateException) a non-loopback address without API keys and without the opt-in; returns the
     * warning to print when the server is reachable from the network without keys.
     */
    public static Optional<String> check(String host, boolean apiKeys, boolean allowOpen) {
        if (apiKeys || isLoopback(host)) {
            return Optional.empty();
        }
        if (!allowOpen) {
            throw new IllegalStateException("refusing to listen on " + host + " without API keys: anyone who can "
                    + "reach it could read, ingest and delete everything. Set ENGRAM_API_KEYS, listen on 127.0.0.1, "
                    + "or pass --allow-open (ENGRAM_ALLOW_OPEN=true) to accept an open server");
        }
        return Optional.of("WARNING: listening on " + host + " with no API keys (--allow-open): every client that "
                + "can reach this address may read, ingest and delete documents and run Cypher");
    }

    static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) {
            return false; // an unset address means every interface
        }
        String h = host.strip();
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // only literal addresses are judged: a name could resolve differently tomorrow
            if (!h.matches("[0-9.]+|\\[?[0-9a-fA-F:]+\\]?")) {
                return false;
            }
            return InetAddress.getByName(h.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
