package dev.engram.app.cli;

import dev.engram.app.config.Setting;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Picocli options made from the {@link Setting} catalogue, so that a flag's name, default and description are
 * stated once (there) and a command only says which settings it takes. Values are read back by name through
 * {@link dev.engram.app.config.CliConfig} and checked by {@link dev.engram.app.config.EngramConfig}, which names
 * the flag or variable to fix.
 */
final class SettingOptions {
    // the groups are ranges of the catalogue, which lists its settings group by group
    /** Where the graph lives: every command has these. */
    static final Set<Setting> STORE = EnumSet.range(Setting.DATA_DIR, Setting.BOLT_PASSWORD);
    /** How text is chunked and embedded. */
    static final Set<Setting> EMBEDDING = EnumSet.range(Setting.CHUNK_TOKENS, Setting.EMBED_THREADS);
    /** Weights and thresholds of graph retrieval. */
    static final Set<Setting> RETRIEVAL = EnumSet.range(Setting.FACT_TOP_K, Setting.PPR_THREADS);
    /** Leiden settings. */
    static final Set<Setting> COMMUNITIES = EnumSet.range(Setting.COMMUNITY_SEED, Setting.COMMUNITY_RESOLUTION);

    private SettingOptions() {}

    /** The union of some groups and single settings. */
    @SafeVarargs
    static Set<Setting> of(Collection<Setting>... groups) {
        Set<Setting> all = EnumSet.noneOf(Setting.class);
        for (Collection<Setting> g : groups) {
            all.addAll(g);
        }
        return all;
    }

    /** Adds an option to {@code command} for each of {@code settings} that has a flag. */
    static void addTo(CommandSpec command, Collection<Setting> settings) {
        for (Setting s : settings) {
            if (s.spec().flag() != null) {
                command.addOption(option(s));
            }
        }
    }

    private static OptionSpec option(Setting s) {
        Setting.Spec spec = s.spec();
        // "engram mcp: ..." says in the catalogue's table which command a flag belongs to; its own help need not
        String text = spec.description().replaceFirst("^engram \\w+: ", "");
        // picocli formats descriptions: a literal % is %%
        String description = (Character.toUpperCase(text.charAt(0)) + text.substring(1)).replace("%", "%%")
                + " (env " + s.env() + (spec.defaultValue() == null ? ")." : ", default ${DEFAULT-VALUE}).");
        OptionSpec.Builder option = OptionSpec.builder(spec.flag()).description(description);
        if ("true".equals(spec.defaultValue()) || "false".equals(spec.defaultValue())) {
            return option.type(boolean.class).arity("0..1").negatable(true).paramLabel("<true|false>").build();
        }
        option.type(String.class).paramLabel(label(spec));
        if (spec.secret() && spec.property().startsWith("engram.neo4j.")) {
            option.arity("0..1").interactive(true); // typed at a prompt rather than left in the shell's history
        }
        return option.build();
    }

    private static String label(Setting.Spec spec) {
        String name = spec.property().substring(spec.property().lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (name.endsWith("dir") || name.endsWith("root")) return "<dir>";
        if (name.endsWith("port")) return "<port>";
        if (name.endsWith("uri")) return "<uri>";
        String d = spec.defaultValue();
        if (d != null && d.matches("-?\\d+")) return "<n>";
        if (d != null && d.matches("-?[\\d.]+(E-?\\d+)?")) return "<x>";
        return "<value>";
    }
}
