package dev.engram.app.cli;

import dev.engram.app.config.Setting;
import java.util.Set;
import dev.engram.app.config.EngramConfig;
import dev.engram.app.runtime.EngramRuntime;
import picocli.CommandLine.Command;

/** {@code engram communities}: hierarchical Leiden over the entity graph, summaries, stored as (:Community) nodes. */
@Command(name = "communities", mixinStandardHelpOptions = true,
        description = "Recompute the communities of the entity graph (hierarchical Leiden), summarize them (offline, "
                + "or LLM reports when ENGRAM_LLM_BASE_URL is set) and store them, replacing the previous ones.")
final class CommunitiesCommand extends ConfiguredCommand {
    @Override
    Set<Setting> settings() {
        return SettingOptions.of(SettingOptions.EMBEDDING, SettingOptions.COMMUNITIES);
    }

    @Override
    public Integer call() {
        EngramConfig config = config();
        try (EngramRuntime runtime = EngramRuntime.open(config)) {
            ConsoleCommunities.run(runtime, config.communities(), System.out, System.err);
            return 0;
        }
    }
}
