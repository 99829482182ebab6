package dev.engram.app.server;

import dev.engram.app.config.ConfigSource;
import dev.engram.app.config.EngramConfig;
import dev.engram.app.config.Setting;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.env.Environment;

/** Binds {@link Setting}s to Spring: read from its environment, and written back as properties for Spring's own use. */
final class SpringConfig {
    private SpringConfig() {}

    /** Settings from Spring's environment (properties, arguments, ENGRAM_* variables by Spring's relaxed rule). */
    static ConfigSource source(Environment environment) {
        Map<Setting, String> given = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            String value = environment.getProperty(s.spec().property());
            if (value == null) {
                // a variable not named by Spring's relaxed rule (ENGRAM_MAX_*) is looked up as it is
                value = environment.getProperty(s.env());
            }
            if (value != null && !value.isBlank()) {
                given.put(s, value);
            }
        }
        return ConfigSource.of(given, name -> null);
    }

    /** Spring's own properties that follow from the configuration (address and port; uploads are a bean). */
    static Map<String, Object> springProperties(EngramConfig config) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", config.server().port());
        properties.put("server.address", config.server().host());
        return properties;
    }
}
