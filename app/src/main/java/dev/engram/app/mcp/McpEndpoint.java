package dev.engram.app.mcp;

import dev.engram.app.server.security.ApiKeyFilter;
import dev.engram.app.server.security.Caller;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code /mcp} servlet: one SDK Streamable HTTP transport and server per {@link ToolProfile}, and each request
 * handed to the one its API key's profile names. A session therefore only ever lists and runs the tools of the
 * key that opened it; a key of another profile presenting its session id is told the session does not exist.
 */
final class McpEndpoint extends HttpServlet {
    private final Map<ToolProfile, HttpServletStreamableServerTransportProvider> transports = new LinkedHashMap<>();
    private final Map<ToolProfile, McpSyncServer> servers = new LinkedHashMap<>();

    McpEndpoint(EngramMcp mcp, McpSettings settings, String path) {
        for (ToolProfile profile : ToolProfile.ALL) {
            HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                    .jsonMapper(mcp.json())
                    .mcpEndpoint(path)
                    .maxRequestSize(settings.maxRequestBytes())
                    // sessions nobody uses any more are dropped, so abandoned clients do not pile up in memory
                    .sessionSweepInterval(settings.sessionIdle())
                    // browsers send Origin; agent hosts do not. Unlisted origins are refused against DNS rebinding.
                    .securityValidator(DefaultServerTransportSecurityValidator.builder()
                            .allowedOrigins(settings.allowedOrigins()).build())
                    .contextExtractor(request -> McpCallers.context(request.getAttribute(ApiKeyFilter.CALLER)))
                    .build();
            transports.put(profile, transport);
            servers.put(profile, mcp.http(transport, profile));
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (!(request.getAttribute(ApiKeyFilter.CALLER) instanceof Caller caller)) {
            // the API-key filter runs first and always records a caller; never serve a request it did not see
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        transports.get(ToolProfile.of(caller)).service(request, response);
    }

    @Override
    public void destroy() {
        servers.values().forEach(McpSyncServer::closeGracefully);
    }
}
