package dev.engram.app.cli;

import dev.engram.ingest.knowledge.EndOfRunResolution;
import dev.engram.ingest.knowledge.KnowledgeStage;
import dev.engram.records.embedding.Embedder;
import dev.engram.store.knowledge.SynonymRebuilder;
import java.time.ZonedDateTime;
import dev.engram.store.neo4j.GraphStore;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Rebuilds the SYNONYM edges with one progress bar per stage (read, compare, write). */
final class ConsoleSynonyms {
    private ConsoleSynonyms() {}

    /** Rebuilds the synonyms of {@code store}, progress on {@code err}; returns what it did. */
    static SynonymRebuilder.Result rebuild(GraphStore store, PrintStream err) {
        try (StageBars bars = new StageBars(err)) {
            return SynonymRebuilder.standard(store).rebuild(bars);
        }
    }

    /** The end of a run whose workers left name mentions, names' vectors and synonyms to it; progress on {@code err}. */
    static KnowledgeStage.EndOfRun.Done finishRun(GraphStore store, Embedder embedder, ZonedDateTime since,
                                                  PrintStream err) {
        try (StageBars bars = new StageBars(err)) {
            return new EndOfRunResolution(store, embedder, since, bars).run(true);
        }
    }

    private static final class StageBars implements SynonymRebuilder.Progress, AutoCloseable {
        private final PrintStream err;
        private ProgressBar bar;
        private SynonymRebuilder.Stage stage;

        StageBars(PrintStream err) {
            this.err = err;
        }

        @Override
        public synchronized void at(SynonymRebuilder.Stage now, long done, long total) {
            if (now != stage) {
                close();
                stage = now;
                String name = switch (now) {
                    case READING -> "synonyms: read entities";
                    case COMPARING -> "synonyms: compare pairs";
                    case WRITING -> "synonyms: write edges";
                };
                bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(Math.max(total, 1))
                        .setStyle(ProgressBarStyle.ASCII).continuousUpdate()
                        .setConsumer(new ConsoleProgressBarConsumer(err)).build();
            }
            bar.maxHint(Math.max(total, 1));
            bar.stepTo(Math.max(bar.getCurrent(), done)); // threads report out of order
        }

        @Override
        public synchronized void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
