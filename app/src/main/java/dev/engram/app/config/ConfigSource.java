package dev.engram.app.config;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Raw setting values from flags over environment over defaults. Only the application builds one (from picocli's
 * parse result and {@code System.getenv()}, or from Spring's environment); libraries receive the built
 * {@link EngramConfig}.
 */
public final class ConfigSource {
    /** Where a value came from, for {@code engram config}. */
    public enum Origin { FLAG, ENV, DEFAULT }

    /** A value and where it came from; {@code value} is null when the setting is unset. */
    public record Value(String value, Origin origin) {}

    private final Map<Setting, String> flags;
    private final Function<String, String> env;

    private ConfigSource(Map<Setting, String> flags, Function<String, String> env) {
        this.flags = flags.isEmpty() ? new EnumMap<>(Setting.class) : new EnumMap<>(flags);
        this.env = env;
    }

    /** Flags (by setting) over {@code env} (looked up by variable name) over the defaults. */
    public static ConfigSource of(Map<Setting, String> flags, Function<String, String> env) {
        return new ConfigSource(flags, env);
    }

    /** The environment over the defaults. */
    public static ConfigSource ofEnv(Map<String, String> env) {
        return new ConfigSource(Map.of(), env::get);
    }

    /** The defaults alone. */
    public static ConfigSource defaults() {
        return new ConfigSource(Map.of(), name -> null);
    }

    /** The effective value of {@code setting}, and its origin. */
    public Value get(Setting setting) {
        String flag = flags.get(setting);
        if (flag != null) {
            return new Value(flag, Origin.FLAG);
        }
        String fromEnv = env.apply(setting.env());
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new Value(fromEnv, Origin.ENV); // as given: a query prefix may end in a space
        }
        return new Value(setting.spec().defaultValue(), Origin.DEFAULT);
    }

    /** The effective value of {@code setting} as text, or null when unset. */
    public String raw(Setting setting) {
        return get(setting).value();
    }

    /** The raw value of {@code setting} as the environment alone gives it (for picocli's help and defaults). */
    String envOrDefault(Setting setting) {
        String fromEnv = env.apply(setting.env());
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv.strip() : setting.spec().defaultValue();
    }
}
