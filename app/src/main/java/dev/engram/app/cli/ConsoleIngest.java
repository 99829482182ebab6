package dev.engram.app.cli;

import dev.engram.app.config.EngramConfig;
import dev.engram.app.jobs.JobWork;
import dev.engram.app.runtime.EngramRuntime;
import dev.engram.records.document.ContentHash;
import dev.engram.records.document.LoadProblem;
import dev.engram.extraction.triples.TripleExtractor;
import dev.engram.ingest.DocumentSource;
import dev.engram.ingest.IngestListener;
import dev.engram.ingest.IngestReport;
import dev.engram.ingest.IngestOptions;
import dev.engram.ingest.IngestPipeline;
import dev.engram.store.jobs.JobRecord;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Runs an ingest with a progress bar on the terminal and problems reported as they happen. */
final class ConsoleIngest {
    private ConsoleIngest() {}

    /** Runs (or resumes) the durable job {@code id} in this process, with a progress bar; returns it as it ended. */
    static JobRecord runJob(EngramRuntime runtime, EngramConfig config, String id, PrintStream err) {
        return withProgress(runtime, -1, err, listener -> runtime.jobs().run(id, JobWork.of(runtime, config, listener)));
    }

    /** Runs an ingest that is no job (the demo's and eval's own corpora) with a progress bar. */
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

    /**
     * Runs {@code job} with a progress bar of {@code total} documents (or as many as the ingest says it has), chunks
     * embedded and megabytes read beside it, and problems printed as they happen.
     */
    static <T> T withProgress(EngramRuntime runtime, long total, PrintStream err, Function<IngestListener, T> job) {
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("ingest").setInitialMax(Math.max(total, 0))
                .setStyle(ProgressBarStyle.ASCII).setUnit(" docs", 1).showSpeed().continuousUpdate()
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err)).build()) {
            AtomicLong split = new AtomicLong();
            AtomicLong embedded = new AtomicLong();
            AtomicLong bytes = new AtomicLong();
            Runnable extra = () -> bar.setExtraMessage(String.format(" %d/%d chunks embedded, %.1f MB read",
                    embedded.get(), split.get(), bytes.get() / 1e6));
            T result = job.apply(new IngestListener() {
                @Override
                public void started(long totalDocuments) {
                    if (totalDocuments > 0) {
                        bar.maxHint(totalDocuments);
                    }
                }

                @Override
                public void documentRead(String documentId, long size) {
                    bytes.addAndGet(size);
                    extra.run();
                }

                @Override
                public void chunksSplit(int chunks) {
                    split.addAndGet(chunks);
                    extra.run();
                }

                @Override
                public void chunksEmbedded(int chunks) {
                    embedded.addAndGet(chunks);
                    extra.run();
                }

                @Override
                public void documentDone(String documentId, int chunks, int triples, boolean unchanged) {
                    bar.step();
                }

                @Override
                public void problem(LoadProblem problem) {
                    bar.step();
                    err.println("\rskipped " + problem);
                }

                @Override
                public void note(String line) {
                    err.println("\r" + line);
                }
            });
            runtime.projections().invalidate();
            return result;
        }
    }
}
