package dev.engram.app.mcp;

import dev.engram.app.server.ApiException;
import dev.engram.app.server.security.Caller;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Where a tool finds who is calling: the HTTP request's API key, or the identity {@code engram mcp} was started with. */
@FunctionalInterface
interface McpCallers {
    /** The key under which the HTTP transport context carries the {@link Caller}. */
    String CONTEXT_KEY = "engram.caller";

    /** The caller of the request this exchange serves. */
    Caller of(McpSyncServerExchange exchange);

    /** The same caller for every request (stdio: one local user). */
    static McpCallers fixed(Caller caller) {
        return exchange -> caller;
    }

    /** The caller the API-key filter put on each HTTP request; a request without one is refused, never opened. */
    static McpCallers fromTransport() {
        return exchange -> {
            Object caller = exchange.transportContext() == null ? null : exchange.transportContext().get(CONTEXT_KEY);
            if (caller instanceof Caller c) {
                return c;
            }
            throw new ApiException(HttpStatus.UNAUTHORIZED, "not authenticated");
        };
    }

    /** The transport context carrying a request's caller (empty when there is none). */
    static McpTransportContext context(Object caller) {
        return caller instanceof Caller c ? McpTransportContext.create(Map.of(CONTEXT_KEY, c)) : McpTransportContext.EMPTY;
    }
}
