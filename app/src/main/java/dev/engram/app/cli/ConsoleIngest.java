package dev.engram.app.cli;

import dev.engram.app.runtime.EngramRuntime;
import dev.engram.records.document.ContentHash;
import dev.engram.records.document.LoadProblem;
import dev.engram.extraction.triples.TripleExtractor;
import dev.engram.ingest.DocumentSource;
import dev.engram.ingest.IngestListener;
import dev.engram.ingest.IngestOptions;
import dev.engram.ingest.IngestPipeline;
import dev.engram.ingest.IngestReport;
import java.io.PrintStream;
import java.util.Optional;
import java.util.function.Function;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Runs an ingest with a progress bar on the terminal and problems reported as they happen. */
final class ConsoleIngest {
    private ConsoleIngest() {}

    static IngestReport run(EngramRuntime runtime, DocumentSource source, Optional<TripleExtractor> extractor,
                            IngestOptions options, PrintStream err) {
        IngestPipeline pipeline = pipeline(runtime, extractor, options);
        return withProgress(runtime, source.estimatedCount(), err, listener -> pipeline.run(source, listener));
    }

    /** The standard pipeline of a runtime. */
    static IngestPipeline pipeline(EngramRuntime runtime, Optional<TripleExtractor> extractor, IngestOptions options) {
        return new IngestPipeline(runtime.store(), runtime.embedder(), runtime.chunker()::chunk,
                ContentHash::of, extractor.orElse(null), options);
    }

    /** Runs {@code job} with a progress bar of {@code total} documents and problems printed as they happen. */
    static <T> T withProgress(EngramRuntime runtime, long total, PrintStream err, Function<IngestListener, T> job) {
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("ingest").setInitialMax(Math.max(total, 0))
                .setStyle(ProgressBarStyle.ASCII).setUnit(" docs", 1).showSpeed().continuousUpdate()
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err)).build()) {
            T result = job.apply(new IngestListener() {
                @Override
                public void documentDone(String documentId, int chunks, int triples, boolean unchanged) {
                    bar.step();
                }

                @Override
                public void problem(LoadProblem problem) {
                    bar.step();
                    err.println("\rskipped " + problem);
                }
            });
            runtime.projections().invalidate();
            return result;
        }
    }
}
