package dev.engram.app.cli;

import dev.engram.app.config.Setting;
import java.util.Set;
import dev.engram.app.config.EngramConfig;
import dev.engram.app.runtime.EngramRuntime;
import dev.engram.app.runtime.ExtractorChoice;
import dev.engram.retrieval.Mode;
import dev.engram.retrieval.RetrievalRequest;
import dev.engram.retrieval.graph.GraphRagSettings;
import dev.engram.ingest.IngestOptions;
import dev.engram.ingest.IngestReport;
import dev.engram.store.search.AccessFilter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code engram demo}: the main job on the embedded default — ingest a bundled corpus and answer questions. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Ingest a small bundled corpus (HippoRAG's movies case study) into the embedded store and "
                + "answer a few questions with the graphrag mode, then serve the graph and the explorer. No LLM or network needed.")
final class DemoCommand extends ConfiguredCommand {
    static final List<String> QUESTIONS = List.of(
            "which war film based on a non-fiction book was directed by the one who is famous for science fiction and crime genres",
            "Who directed Black Hawk Down?",
            "Which films did Ridley Scott direct?");

    @Option(names = "--serve", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "End by serving the demo graph and the explorer on http://127.0.0.1:<port>/ until Ctrl-C "
                    + "(default on; --no-serve exits after the answers).")
    boolean serve;

    @Override
    Set<Setting> settings() {
        return SettingOptions.of(SettingOptions.EMBEDDING, Set.of(Setting.PORT));
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path corpus = Files.createTempFile("engram-demo-", ".jsonl");
        try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/movies.jsonl")) {
            if (in == null) {
                throw new IllegalStateException("the demo corpus is missing from the jar");
            }
            Files.copy(in, corpus, StandardCopyOption.REPLACE_EXISTING);
        }
        EngramConfig config = config();
        try (EngramRuntime runtime = EngramRuntime.open(config)) {
            System.out.println("Engram demo: data in " + config.store().dataDir().toAbsolutePath()
                    + (runtime.store().boltUri() != null ? ", Bolt at " + runtime.store().boltUri() : ""));
            IngestReport report = ConsoleIngest.run(runtime, Sources.files(List.of(corpus), List.of()),
                    ExtractorChoice.parse("rule", config.llm()), IngestOptions.DEFAULTS, System.err);
            System.out.println(report.summary());
            for (String q : QUESTIONS) {
                System.out.println();
                System.out.println("Q: " + q);
                QueryCommand.print(runtime.retriever(Mode.GRAPHRAG)
                        .retrieve(new RetrievalRequest(q, Mode.GRAPHRAG, 3, AccessFilter.ALL)), false, System.out);
            }
            if (serve) {
                System.out.println();
                System.out.println("Explore the graph at http://127.0.0.1:" + config.server().port() + "/ (Ctrl-C to stop)");
                // the demo serves on loopback only, whatever the configured host
                ServeCommand.serveUntilStopped(runtime, config.withHost("127.0.0.1"));
            }
            return 0;
        } finally {
            Files.deleteIfExists(corpus);
        }
    }
}
