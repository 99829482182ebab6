package dev.engram.app.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 413 to a request body over {@link InputLimits#bodyBytes()}: at once when Content-Length says so, and
 * while reading when a chunked body grows past it. Multipart uploads are bounded by their own limit instead.
 */
public class BodyLimitFilter extends OncePerRequestFilter {
    private final InputLimits limits;

    /** A filter enforcing these limits. */
    public BodyLimitFilter(InputLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        long max = multipart ? limits.uploadBytes() : limits.bodyBytes();
        if (request.getContentLengthLong() > max) {
            tooLarge(response, max, multipart);
            return;
        }
        chain.doFilter(multipart ? request : new Bounded(request, max), response);
    }

    static void tooLarge(HttpServletResponse response, long max, boolean multipart) throws IOException {
        response.setStatus(413);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"status\":413,\"error\":\"Content Too Large\",\"message\":\"the request body is"
                + " larger than the " + max + "-byte limit (" + (multipart ? "ENGRAM_MAX_UPLOAD" : "ENGRAM_MAX_BODY")
                + ")\"}");
    }

    /** Thrown while reading a body that turns out larger than the limit; the error handler answers 413. */
    public static final class TooLarge extends IOException {
        final long max;

        TooLarge(long max) {
            super("the request body is larger than the " + max + "-byte limit (ENGRAM_MAX_BODY)");
            this.max = max;
        }
    }

    private static final class Bounded extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws TooLarge {
                        read += n;
                        if (read > max) {
                            throw new TooLarge(max);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding()));
        }
    }
}
