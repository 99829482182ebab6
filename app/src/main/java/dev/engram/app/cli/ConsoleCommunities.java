package dev.engram.app.cli;

import dev.engram.app.runtime.EngramRuntime;
import dev.engram.retrieval.global.CommunityBuilder;
import dev.engram.retrieval.global.CommunityView;
import dev.engram.retrieval.graph.AccessMask;
import dev.engram.store.community.CommunityProgress;
import dev.engram.store.community.CommunitySettings;
import dev.engram.store.community.CommunityStore;
import dev.engram.store.projection.GraphProjection;
import dev.engram.store.search.AccessFilter;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Recomputes and stores the communities of the whole graph with a progress bar per stage. */
final class ConsoleCommunities {
    private ConsoleCommunities() {}

    static CommunityView run(EngramRuntime runtime, CommunitySettings settings, PrintStream out, PrintStream err) {
        long start = System.nanoTime();
        GraphProjection projection = runtime.projections().engine().projection();
        CommunityBuilder builder = runtime.communityBuilder(settings);
        CommunityView view;
        try (StageBars bars = new StageBars(err)) {
            view = builder.build(projection, AccessMask.of(projection, AccessFilter.ALL), true, bars);
            new CommunityStore(runtime.store()).replaceAll(view.communities(), bars);
        }
        runtime.communityViews().invalidate();
        StringBuilder levels = new StringBuilder();
        for (int l = 0; l < view.levels(); l++) {
            levels.append(l == 0 ? "" : ", ").append("level ").append(l).append(": ").append(view.level(l).size());
        }
        out.printf("communities: %d (%s), modularity %.4f, %s, seed %d, %.1f s%n", view.communities().size(),
                levels, view.modularity(), builder.writesReports() ? "LLM reports" : "offline summaries",
                settings.seed(), (System.nanoTime() - start) / 1e9);
        return view;
    }

    /** One ASCII progress bar per stage (leiden, summaries, reports, embeddings, store). */
    private static final class StageBars implements CommunityProgress, AutoCloseable {
        private final PrintStream err;
        private ProgressBar bar;
        private String stage;

        StageBars(PrintStream err) {
            this.err = err;
        }

        @Override
        public synchronized void advance(String name, long done, long total) {
            if (!name.equals(stage)) {
                close();
                stage = name;
                bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(Math.max(total, 1))
                        .setStyle(ProgressBarStyle.ASCII).continuousUpdate()
                        .setConsumer(new ConsoleProgressBarConsumer(err)).build();
            }
            bar.maxHint(Math.max(total, 1));
            bar.stepTo(done);
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
