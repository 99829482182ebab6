package dev.engram.extraction.llm;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach an OpenAI-compatible server.
 *
 * @param baseUrl        API root including the version segment, e.g. {@code http://localhost:8000/v1}
 * @param model          model name sent with every request
 * @param apiKey         bearer token, or {@code null} for servers without authentication
 * @param timeout        per-request timeout (each attempt, not the whole retry sequence)
 * @param maxRetries     retries after the first attempt on 429, 5xx, timeouts and connection errors
 * @param maxConcurrency requests in flight at once through one client
 * @param cacheDir       where extraction responses are cached, or {@code null} for no cache
 * @param retryBackoff   first backoff delay; doubles with every retry, with jitter
 */
public record LlmConfig(
        String baseUrl,
        String model,
        String apiKey,
        Duration timeout,
        int maxRetries,
        int maxConcurrency,
        Path cacheDir,
        Duration retryBackoff) {

    public LlmConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        URI uri = URI.create(baseUrl);
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
            throw new IllegalArgumentException("LLM base URL must be http(s)://host[:port]/v1, got " + baseUrl);
        }
        // Trailing slashes would produce "//chat/completions", which some servers reject.
        baseUrl = baseUrl.replaceAll("/+$", "");
        if (apiKey != null && apiKey.isBlank()) apiKey = null;
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
        if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be >= 0");
        if (maxConcurrency < 1) throw new IllegalArgumentException("maxConcurrency must be >= 1");
    }

    /** A config with defaults: 120 s timeout, 4 retries, 4 concurrent requests, no cache, 500 ms first backoff. */
    public static LlmConfig of(String baseUrl, String model) {
        return new LlmConfig(baseUrl, model, null, Duration.ofSeconds(120), 4, 4, null, Duration.ofMillis(500));
    }

    /** This config with another API key. */
    public LlmConfig withApiKey(String key) {
        return new LlmConfig(baseUrl, model, key, timeout, maxRetries, maxConcurrency, cacheDir, retryBackoff);
    }

    /** This config with another per-request timeout. */
    public LlmConfig withTimeout(Duration value) {
        return new LlmConfig(baseUrl, model, apiKey, value, maxRetries, maxConcurrency, cacheDir, retryBackoff);
    }

    /** This config with another retry count. */
    public LlmConfig withMaxRetries(int value) {
        return new LlmConfig(baseUrl, model, apiKey, timeout, value, maxConcurrency, cacheDir, retryBackoff);
    }

    /** This config with another concurrency limit. */
    public LlmConfig withMaxConcurrency(int value) {
        return new LlmConfig(baseUrl, model, apiKey, timeout, maxRetries, value, cacheDir, retryBackoff);
    }

    /** This config with another cache directory ({@code null} disables caching). */
    public LlmConfig withCacheDir(Path value) {
        return new LlmConfig(baseUrl, model, apiKey, timeout, maxRetries, maxConcurrency, value, retryBackoff);
    }

    /** This config with another first backoff delay. */
    public LlmConfig withRetryBackoff(Duration value) {
        return new LlmConfig(baseUrl, model, apiKey, timeout, maxRetries, maxConcurrency, cacheDir, value);
    }

    @Override
    public String toString() {
        // Never print the key: configs end up in logs.
        return "LlmConfig[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", timeout=" + timeout + ", maxRetries=" + maxRetries + ", maxConcurrency=" + maxConcurrency
                + ", cacheDir=" + cacheDir + ", retryBackoff=" + retryBackoff + "]";
    }
}
