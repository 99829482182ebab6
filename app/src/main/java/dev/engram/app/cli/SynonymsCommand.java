package dev.engram.app.cli;

import dev.engram.app.config.Setting;
import dev.engram.app.runtime.EngramRuntime;
import java.util.Set;
import dev.engram.store.knowledge.MissingEntityVectors;
import dev.engram.store.knowledge.SynonymRebuilder;
import dev.engram.store.neo4j.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code engram synonyms --rebuild}: recompute every SYNONYM edge, independent of ingest order. */
@Command(name = "synonyms", mixinStandardHelpOptions = true,
        description = "SYNONYM edges between entities. With --rebuild: recompute all of them exactly from the stored "
                + "entity embeddings (cosine >= 0.8, either entity among the other's 10 nearest), so the edges no "
                + "longer depend on the order documents arrived in or on concurrent workers. Run it once after "
                + "sharded or parallel ingests, when no ingest is writing.")
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
        // entities an ingest with --synonyms none (or one killed before its end) left without a vector are
        // embedded first, in id order, so that they take part
        try (EngramRuntime runtime = EngramRuntime.open(config())) {
            MissingEntityVectors.Result names = new MissingEntityVectors(runtime.store(), runtime.embedder()).embedAll();
            if (names.embedded() > 0) {
                System.err.println("engram: " + names.embedded() + " entity names embedded");
            }
            SynonymRebuilder.Result result = ConsoleSynonyms.rebuild(runtime.store(), System.err);
            System.out.println("synonyms rebuilt: " + result.summary());
            return 0;
        }
    }
}
