package dev.engram.app.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, returned in {@code X-Request-Id} and quoted by 500 answers and the log line that
 * holds the details, so an operator finds the failure a user reports without the user ever seeing internals.
 */
public class RequestIdFilter extends OncePerRequestFilter {
    /** The request attribute and response header holding the id. */
    public static final String HEADER = "X-Request-Id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = UUID.randomUUID().toString().substring(0, 13);
        request.setAttribute(HEADER, id);
        response.setHeader(HEADER, id);
        chain.doFilter(request, response);
    }

    /** The id of the current request, or "-" outside one. */
    public static String of(HttpServletRequest request) {
        Object id = request == null ? null : request.getAttribute(HEADER);
        return id == null ? "-" : id.toString();
    }
}
