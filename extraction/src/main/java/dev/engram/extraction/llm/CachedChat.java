package dev.engram.extraction.llm;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chat completions cached on disk like extraction calls (under the client config's cache directory, keyed by the
 * prompt version, the model and the messages), so re-running a job over unchanged material costs no requests.
 * Without a cache directory every call goes to the server. Thread-safe.
 */
public final class CachedChat {
    private final OpenAiClient client;
    private final ResponseCache cache;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();

    /** Completions through {@code client}, cached when its config names a cache directory. */
    public CachedChat(OpenAiClient client) {
        this.client = client;
        this.cache = client.config().cacheDir() == null ? null : new ResponseCache(client.config().cacheDir());
    }

    /** The answer to {@code messages}: from the cache when there, else from the server (then cached). */
    public String complete(String promptVersion, List<ChatMessage> messages, ChatOptions options) {
        String model = client.config().model();
        StringBuilder all = new StringBuilder();
        for (ChatMessage m : messages) all.append(m.role()).append('\u0000').append(m.content()).append('\u0000');
        String key = ResponseCache.key(promptVersion, model, String.valueOf(options), all.toString());
        Optional<String> cached = cache == null ? Optional.empty() : cache.get(key);
        if (cached.isPresent()) {
            hits.incrementAndGet();
            return cached.get();
        }
        calls.incrementAndGet();
        String answer = client.complete(messages, options).content();
        if (cache != null) cache.put(key, model, answer);
        return answer;
    }

    /** Requests that went to the server. */
    public long calls() {
        return calls.get();
    }

    /** Answers served from the cache. */
    public long cacheHits() {
        return hits.get();
    }
}
