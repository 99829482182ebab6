package dev.engram.app.server.security;

import dev.engram.app.config.EngramConfig;
import org.springframework.beans.factory.annotation.Autowired;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The configured API keys (ENGRAM_API_KEYS); none configured means an open, single-user install. */
@Component
public class ApiKeys {
    private final List<ApiKey> keys;

    /** The keys of the configuration ({@code ENGRAM_API_KEYS}). */
    @Autowired
    public ApiKeys(EngramConfig config) {
        this(config.server().apiKeys());
    }

    /** Keys from a comma-separated list of {@code key:role[:tenant[:groups]]} entries; blank means open. */
    public ApiKeys(String spec) {
        this.keys = spec == null || spec.isBlank() ? List.of()
                : Arrays.stream(spec.split(",")).filter(s -> !s.isBlank()).map(ApiKey::parse).toList();
    }

    /** True when requests must carry a key. */
    public boolean enabled() {
        return !keys.isEmpty();
    }

    /** The caller a presented key stands for, if it is one of ours. */
    public Optional<Caller> lookup(String presented) {
        byte[] given = presented.getBytes(StandardCharsets.UTF_8);
        Caller found = null;
        // compare against every key in constant time, so timing reveals neither which key nor how much matched
        for (ApiKey k : keys) {
            if (MessageDigest.isEqual(given, k.key().getBytes(StandardCharsets.UTF_8)) && found == null) {
                found = k.caller();
            }
        }
        return Optional.ofNullable(found);
    }
}
