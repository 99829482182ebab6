package dev.engram.app.cli;

import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.stats.GraphStats;
import picocli.CommandLine.Command;

/** {@code engram stats}: what is in the graph. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Node counts by label, relationship counts by type, index states.")
final class StatsCommand extends ConfiguredCommand {

    @Override
    public Integer call() {
        try (GraphStore graph = openStore()) {
            System.out.println(GraphStats.collect(graph).format());
            return 0;
        }
    }
}
