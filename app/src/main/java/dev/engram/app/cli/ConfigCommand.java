package dev.engram.app.cli;

import dev.engram.app.config.Setting;
import java.util.Set;
import dev.engram.app.config.ConfigSource;
import dev.engram.app.config.EngramConfig;
import dev.engram.app.config.Setting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code engram config}: the effective configuration, where each value comes from, secrets masked. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the effective configuration (flags over ENGRAM_* environment over defaults); secrets are masked.")
final class ConfigCommand extends ConfiguredCommand {
    @Option(names = "--markdown", description = "Print the catalogue of settings as the README's Markdown table instead.")
    boolean markdown;

    @Override
    Set<Setting> settings() {
        return SettingOptions.of(SettingOptions.EMBEDDING, SettingOptions.RETRIEVAL);
    }

    @Override
    public Integer call() {
        if (markdown) {
            printMarkdown();
            return 0;
        }
        ConfigSource source = Commands.source(spec);
        EngramConfig.load(source); // the same checks every other command makes: a bad value fails here too
        System.out.printf("%-34s %-28s %-8s %s%n", "variable", "value", "from", "flag");
        for (Setting s : Setting.values()) {
            ConfigSource.Value v = source.get(s);
            String shown = v.value() == null ? "-" : s.spec().secret() ? "****" : v.value();
            System.out.printf("%-34s %-28s %-8s %s%n", s.env(), shown, v.origin().name().toLowerCase(java.util.Locale.ROOT),
                    s.spec().flag() == null ? "" : s.spec().flag());
        }
        return 0;
    }

    private static void printMarkdown() {
        System.out.println("| environment | flag | default | meaning |");
        System.out.println("|---|---|---|---|");
        for (Setting s : Setting.values()) {
            System.out.printf("| `%s` | %s | %s | %s |%n", s.env(), s.spec().flag() == null ? "—" : "`" + s.spec().flag() + "`",
                    s.spec().defaultValue() == null ? "—" : s.spec().defaultValue().isEmpty() ? "\"\"" : "`" + s.spec().defaultValue() + "`",
                    s.spec().description().replace("|", "\\|"));
        }
    }
}
