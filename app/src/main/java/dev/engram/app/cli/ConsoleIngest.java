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
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Runs an ingest with a progress bar on the terminal and problems reported as they happen. */
final class ConsoleIngest {
    private ConsoleIngest() {}

    static IngestReport run(EngramRuntime runtime, DocumentSource source, Optional<TripleExtractor> extractor,
                            IngestOptions options, PrintStream err) {
        IngestPipeline pipeline = new IngestPipeline(runtime.store(), runtime.embedder(), runtime.chunker()::chunk,
                ContentHash::of, extractor.orElse(null), options);
        long total = source.estimatedCount();
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("ingest").setInitialMax(Math.max(total, 0))
                .setStyle(ProgressBarStyle.ASCII).setUnit(" docs", 1).showSpeed().continuousUpdate()
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err)).build()) {
            IngestReport report = pipeline.run(source, new IngestListener() {
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
            return report;
        }
    }
}
