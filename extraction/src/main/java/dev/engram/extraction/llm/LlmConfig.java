package dev.engram.extraction.llm;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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

    /** Environment prefix of the chat/extraction LLM settings. */
    public static final String LLM_PREFIX = "ENGRAM_LLM";

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

    /** The LLM configured by {@code ENGRAM_LLM_*} environment variables; empty when no base URL is set. */
    public static Optional<LlmConfig> fromEnv() {
        return fromEnv(System.getenv(), LLM_PREFIX);
    }

    /**
     * Reads {@code PREFIX_BASE_URL}, {@code _MODEL}, {@code _API_KEY}, {@code _TIMEOUT_SECONDS}, {@code _MAX_RETRIES},
     * {@code _CONCURRENCY} and {@code _CACHE_DIR} ("none" disables the cache; default {@code ~/.cache/engram/llm}).
     */
    public static Optional<LlmConfig> fromEnv(Map<String, String> env, String prefix) {
        String baseUrl = value(env, prefix + "_BASE_URL");
        if (baseUrl == null) return Optional.empty();
        String model = value(env, prefix + "_MODEL");
        if (model == null) {
            throw new IllegalArgumentException(prefix + "_BASE_URL is set to " + baseUrl + " but " + prefix + "_MODEL is not");
        }
        LlmConfig config = of(baseUrl, model).withApiKey(value(env, prefix + "_API_KEY"));
        String timeout = value(env, prefix + "_TIMEOUT_SECONDS");
        if (timeout != null) config = config.withTimeout(Duration.ofMillis((long) (number(prefix + "_TIMEOUT_SECONDS", timeout) * 1000)));
        String retries = value(env, prefix + "_MAX_RETRIES");
        if (retries != null) config = config.withMaxRetries((int) number(prefix + "_MAX_RETRIES", retries));
        String concurrency = value(env, prefix + "_CONCURRENCY");
        if (concurrency != null) config = config.withMaxConcurrency((int) number(prefix + "_CONCURRENCY", concurrency));
        String cache = value(env, prefix + "_CACHE_DIR");
        if (cache == null) {
            config = config.withCacheDir(Path.of(System.getProperty("user.home"), ".cache", "engram", "llm"));
        } else if (!cache.equalsIgnoreCase("none")) {
            config = config.withCacheDir(Path.of(cache));
        }
        return Optional.of(config);
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

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static double number(String name, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + value + "'", e);
        }
    }
}
