package dev.engram.app.mcp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The MCP server's own settings (the rest comes from the server's configuration).
 *
 * @param ingestRoot      the only folder {@code ingest_files} may read from; empty disables the tool
 * @param allowedOrigins  browser origins allowed to call {@code /mcp} (requests without an Origin header, as sent by
 *                        agent hosts, always pass); empty refuses every browser origin, against DNS rebinding
 * @param maxTextChars    the longest text {@code ingest_text} accepts
 * @param maxRequestBytes the largest HTTP request body {@code /mcp} reads
 * @param ingestWait      how long an ingest tool waits for its job by default before returning it still running
 * @param sessionIdle     how long a Streamable HTTP session may sit unused before the server forgets it (it goes
 *                        within one to two such periods; the client then opens a new one)
 */
public record McpSettings(Optional<Path> ingestRoot, List<String> allowedOrigins, int maxTextChars, int maxRequestBytes,
                          Duration ingestWait, Duration sessionIdle) {

    /** The longest an ingest tool may be asked to wait. */
    public static final Duration MAX_INGEST_WAIT = Duration.ofMinutes(10);

    public McpSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
        if (maxTextChars < 1 || maxRequestBytes < 1) {
            throw new IllegalArgumentException("engram.mcp.max-text-chars and engram.mcp.max-request-bytes must be positive");
        }
        if (sessionIdle.isNegative() || sessionIdle.isZero()) {
            throw new IllegalArgumentException("engram.mcp.session-idle must be positive");
        }
        if (ingestWait.isNegative() || ingestWait.compareTo(MAX_INGEST_WAIT) > 0) {
            throw new IllegalArgumentException("engram.mcp.ingest-wait must be between 0s and " + MAX_INGEST_WAIT.toSeconds() + "s");
        }
    }
}
