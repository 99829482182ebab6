package dev.engram.app.cli;

import dev.engram.app.config.Setting;
import java.util.Set;
import dev.engram.app.config.EngramConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.engram.app.runtime.EngramRuntime;
import dev.engram.app.runtime.ExtractorChoice;
import dev.engram.retrieval.Mode;
import dev.engram.retrieval.eval.EvalQuestion;
import dev.engram.retrieval.eval.EvalReport;
import dev.engram.retrieval.eval.Evaluator;
import dev.engram.retrieval.eval.QuestionFile;
import dev.engram.retrieval.graph.GraphRagSettings;
import dev.engram.ingest.IngestOptions;
import dev.engram.ingest.IngestReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code engram eval}: retrieval quality and latency of each mode over a question set. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Ingest a dataset folder's corpus.jsonl (unless already there), run its questions through "
                + "each mode, print a table and write JSON.")
final class EvalCommand extends ConfiguredCommand {
    @Option(names = "--dataset", required = true, paramLabel = "<dir>",
            description = "Folder with corpus.jsonl and questions*.jsonl (layout of ../shared/data).")
    Path dataset;

    @Option(names = "--questions", paramLabel = "<file.jsonl>", description = "Questions file (default: the folder's questions*.jsonl).")
    Path questions;

    @Option(names = "--modes", split = ",", defaultValue = "dense,bm25,hybrid,ppr,graphrag",
            description = "Modes to compare (default ${DEFAULT-VALUE}).")
    List<String> modes;

    @Option(names = "--k", split = ",", defaultValue = "2,5,8", description = "Cut-offs for recall and all-evidence (default ${DEFAULT-VALUE}).")
    List<Integer> ks;

    @Option(names = "--eval-data-dir", paramLabel = "<dir>",
            description = "Data directory for this dataset (default engram-data/eval/<dataset>-<extractor>, so corpora never mix).")
    Path evalDataDir;

    @Option(names = "--limit", paramLabel = "<n>", description = "Only the first n questions.")
    Integer limit;

    @Option(names = "--out", paramLabel = "<file.json>", description = "Write the report as JSON here.")
    Path out;

    @Option(names = "--trace", paramLabel = "<file.jsonl>",
            description = "Write one line per question and mode: gold documents, retrieved documents, hits, latency.")
    Path trace;

    @Override
    Set<Setting> settings() {
        return SettingOptions.of(SettingOptions.EMBEDDING, SettingOptions.RETRIEVAL, Set.of(Setting.EXTRACTOR, Setting.INGEST_SYNONYMS));
    }

    @Override
    public Integer call() throws IOException {
        Path corpus = dataset.resolve("corpus.jsonl");
        if (!Files.isRegularFile(corpus)) {
            throw new IllegalArgumentException("no corpus.jsonl in " + dataset);
        }
        List<EvalQuestion> qs = QuestionFile.read(questions != null ? questions : findQuestions(dataset));
        if (limit != null && limit < qs.size()) {
            qs = qs.subList(0, limit);
        }
        List<Mode> modeList = modes.stream().map(Mode::parse).toList();
        EngramConfig base = config();
        String extractor = base.ingest().extractor();
        Path dataDir = evalDataDir != null ? evalDataDir : defaultDataDir(base.store().dataDir(), extractor);
        EngramConfig config = base.withDataDir(dataDir);
        String name = dataset.toAbsolutePath().normalize().getFileName().toString();
        // an output that cannot be written should fail now, not after a long ingest and eval
        checkWritable(out);
        checkWritable(trace);
        try (TraceWriter traceWriter = trace == null ? null : new TraceWriter(trace);
             EngramRuntime runtime = EngramRuntime.open(config)) {
            IngestReport ingest = ConsoleIngest.run(runtime, Sources.files(List.of(corpus), List.of()),
                    ExtractorChoice.parse(extractor, config.llm()),
                    new IngestOptions(config.ingest().batchDocuments(), null, List.of(), config.ingest().synonyms()),
                    System.err);
            System.err.println(ingest.summary());
            EvalReport report;
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("eval").setInitialMax((long) qs.size() * modeList.size())
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
                report = new Evaluator(runtime::retriever, ks).run(name, qs, modeList, (mode, done) -> bar.step(),
                        traceWriter);
            }
            System.out.println(name + " (" + qs.size() + " questions, data dir " + dataDir + ")");
            System.out.print(report.table());
            if (out != null) {
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), report.toJson());
                System.out.println("wrote " + out);
            }
            return 0;
        }
    }

    private static void checkWritable(Path file) throws IOException {
        if (file == null) {
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND).close();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + file + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private Path defaultDataDir(Path root, String extractor) {
        String kind = extractor.startsWith("openie-file:") ? "openie" : extractor;
        return root.resolve("eval").resolve(dataset.toAbsolutePath().normalize().getFileName() + "-" + kind);
    }

    private static Path findQuestions(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = new ArrayList<>(files.filter(p -> p.getFileName().toString().matches("questions.*\\.jsonl"))
                    .sorted().toList());
            if (found.isEmpty()) {
                throw new IllegalArgumentException("no questions*.jsonl in " + dir + "; pass --questions");
            }
            return found.get(0);
        }
    }
}
