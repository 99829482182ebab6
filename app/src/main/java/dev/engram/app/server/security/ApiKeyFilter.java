package dev.engram.app.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates /api, /v1 and /sparql requests by {@code Authorization: Bearer <key>} or {@code X-API-Key} when keys are
 * configured, and records the {@link Caller} for the controllers.
 */
public class ApiKeyFilter extends OncePerRequestFilter {
    /** The request attribute holding the {@link Caller}. */
    public static final String CALLER = ApiKeyFilter.class.getName() + ".caller";

    private final ApiKeys keys;

    /** A filter checking against these keys. */
    public ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!keys.enabled()) {
            request.setAttribute(CALLER, Caller.OPEN);
            chain.doFilter(request, response);
            return;
        }
        Optional<Caller> caller = presentedKey(request).flatMap(keys::lookup);
        if (caller.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"status\":401,\"error\":\"Unauthorized\",\"message\":\""
                    + (presentedKey(request).isEmpty() ? "an API key is required: send Authorization: Bearer <key> or X-API-Key"
                    : "unknown API key") + "\"}");
            return;
        }
        request.setAttribute(CALLER, caller.get());
        chain.doFilter(request, response);
    }

    static Optional<String> presentedKey(HttpServletRequest request) {
        String auth = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) && !auth.substring(7).isBlank()) {
            return Optional.of(auth.substring(7).strip());
        }
        String header = request.getHeader("X-API-Key");
        return header == null || header.isBlank() ? Optional.empty() : Optional.of(header.strip());
    }
}
