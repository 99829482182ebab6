package dev.engram.app.config;

import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Binds {@link Setting}s to picocli: options named like a setting's flag get the environment's value or the
 * setting's default (so {@code --help} shows the effective defaults), and a command's configuration is built from
 * the flags it was given over the environment.
 */
public final class CliConfig implements CommandLine.IDefaultValueProvider {
    private final Map<String, String> env;

    /** Defaults from {@code env} (the process environment, read by the application's entry point only). */
    public CliConfig(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            return setting(option).map(s -> source(Map.of()).envOrDefault(s)).orElse(null);
        }
        return null;
    }

    /** The source of a parsed command: the flags given on its command line over the environment. */
    public ConfigSource source(CommandSpec spec) {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        if (parsed != null) {
            for (OptionSpec option : parsed.matchedOptions()) {
                setting(option).ifPresent(s -> {
                    Object value = option.getValue();
                    if (value != null) {
                        flags.put(s, value instanceof char[] chars ? new String(chars) : String.valueOf(value));
                    }
                });
            }
        }
        return source(flags);
    }

    private static java.util.Optional<Setting> setting(OptionSpec option) {
        return Setting.ofFlag(option.command() == null ? null : option.command().name(), option.longestName());
    }

    /** The configuration of a parsed command. */
    public EngramConfig config(CommandSpec spec) {
        return EngramConfig.load(source(spec));
    }

    private ConfigSource source(Map<Setting, String> flags) {
        return ConfigSource.of(flags, env::get);
    }
}
