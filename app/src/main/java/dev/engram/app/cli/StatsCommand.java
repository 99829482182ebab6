package dev.engram.app.cli;

import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.stats.GraphStats;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code engram stats}: what is in the graph. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Node counts by label, relationship counts by type, index states.")
final class StatsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store;

    @Override
    public Integer call() {
        try (GraphStore graph = Commands.openStore(spec)) {
            System.out.println(GraphStats.collect(graph).format());
            return 0;
        }
    }
}
