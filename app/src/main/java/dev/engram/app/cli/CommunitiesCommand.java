package dev.engram.app.cli;

import dev.engram.app.runtime.EngramRuntime;
import dev.engram.retrieval.graph.GraphRagSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code engram communities}: hierarchical Leiden over the entity graph, summaries, stored as (:Community) nodes. */
@Command(name = "communities", mixinStandardHelpOptions = true,
        description = "Recompute the communities of the entity graph (hierarchical Leiden), summarize them (offline, "
                + "or LLM reports when ENGRAM_LLM_BASE_URL is set) and store them, replacing the previous ones.")
final class CommunitiesCommand implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Mixin EmbedOptions embed;
    @Mixin CommunityOptions communities;

    @Override
    public Integer call() {
        try (EngramRuntime runtime = EngramRuntime.open(store.toConfig(null), embed.toSettings(), GraphRagSettings.DEFAULTS)) {
            ConsoleCommunities.run(runtime, communities.toSettings(), System.out, System.err);
            return 0;
        }
    }
}
