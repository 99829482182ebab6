package dev.engram.app.cli;

import dev.engram.app.config.Setting;
import dev.engram.app.runtime.EngramRuntime;
import java.util.Set;
import dev.engram.ingest.knowledge.KnowledgeStage;
import dev.engram.store.neo4j.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code engram synonyms --rebuild}: recompute every SYNONYM edge, independent of ingest order. */
@Command(name = "synonyms", mixinStandardHelpOptions = true,
        description = "SYNONYM edges between entities. With --rebuild: first what sharded ingests leave to it (the "
                + "name mentions of chunks naming an entity that has no vector yet, and those entities' vectors, in id "
                + "order), then recompute every SYNONYM edge exactly from the stored entity embeddings (cosine >= 0.8, "
                + "either entity among the other's 10 nearest), so the graph no longer depends on the order documents "
                + "arrived in or on concurrent workers. Run it once after sharded ingests, when no ingest is writing.")
final class SynonymsCommand extends ConfiguredCommand {
    @Option(names = "--rebuild", description = "Delete and recompute every SYNONYM edge (only changed edges are written).")
    boolean rebuild;

    @Override
    Set<Setting> settings() {
        return SettingOptions.of(SettingOptions.EMBEDDING, Set.of()); // the names it embeds, as the ingest would
    }

    @Override
    public Integer call() {
        if (!rebuild) {
            try (GraphStore store = openStore()) {
                try (var session = store.session()) {
                    long edges = session.run("MATCH ()-[s:SYNONYM]->() RETURN count(s)").single().get(0).asLong();
                    System.out.println(edges + " SYNONYM edges; engram synonyms --rebuild recomputes them");
                }
                return 0;
            }
        }
        // what shards (and runs killed before their end) left undone comes first: the name mentions of the chunks
        // naming an entity without a vector, and those entities' vectors in id order
        try (EngramRuntime runtime = EngramRuntime.open(config())) {
            KnowledgeStage.EndOfRun.Done done = ConsoleSynonyms.finishRun(runtime.store(), runtime.embedder(), null,
                    System.err);
            System.out.println(done.summary().replace("end of run: ", ""));
            return 0;
        }
    }
}
