package dev.engram.app.bench.scale;

import dev.engram.extraction.query.QueryEntityExtractor;
import dev.engram.retrieval.Mode;
import dev.engram.retrieval.RetrievalRequest;
import dev.engram.retrieval.RetrievalResult;
import dev.engram.retrieval.eval.LatencyStats;
import dev.engram.pagerank.ForwardPushPpr;
import dev.engram.pagerank.PprOptions;
import dev.engram.pagerank.TopK;
import dev.engram.retrieval.graph.AccessMask;
import dev.engram.retrieval.graph.GraphRagRetriever;
import dev.engram.retrieval.graph.GraphRagSettings;
import dev.engram.retrieval.graph.PageRankStage;
import dev.engram.retrieval.graph.PprStrategy;
import dev.engram.retrieval.graph.ProjectionCache;
import dev.engram.retrieval.linking.FactLinker;
import dev.engram.retrieval.linking.MentionLinker;
import dev.engram.retrieval.linking.NameLinker;
import dev.engram.retrieval.linking.SeedNode;
import dev.engram.store.delete.DocumentDeleter;
import dev.engram.store.lookup.ChunkLookup;
import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.neo4j.StoreConfig;
import dev.engram.store.projection.GraphProjection;
import dev.engram.store.projection.GraphProjector;
import dev.engram.store.search.AccessFilter;
import dev.engram.store.search.ChunkSearch;
import dev.engram.store.search.EntitySearch;
import dev.engram.store.search.FactSearch;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Measures, on a store built by {@code ScaleBench load} or {@code import}: the projection's build time and heap,
 * bytes per edge, and the latency (p50/p95) of full {@code graphrag} and {@code ppr} queries, with the PageRank
 * stage alone, for global and automatically chosen (local at scale) PageRank. Questions name an entity and two
 * predicates of a chunk's facts; seeds come from the normal linking (fact vector index, exact names).
 */
final class ScaleQueries {
    private ScaleQueries() {
    }

    static void run(SyntheticCorpus corpus, HashedEmbedder embedder, Path dir, Map<String, String> opts)
            throws Exception {
        int queries = Integer.parseInt(opts.getOrDefault("queries", "100"));
        List<String> out = new ArrayList<>();
        long t = System.nanoTime();
        try (GraphStore store = GraphStore.open(StoreConfig.embedded(dir.resolve("db"), 0))) {
            out.add(String.format(Locale.ROOT, "store opened in %.1f s", secondsSince(t)));
            t = System.nanoTime();
            int wait = Integer.parseInt(opts.getOrDefault("index-wait", "3600"));
            try (var session = store.session()) {
                // a store opened after a bulk import populates Engram's vector and full-text indexes in the background
                session.run("CALL db.awaitIndexes($s)", Map.of("s", wait)).consume();
            }
            out.add(String.format(Locale.ROOT, "indexes online after %.1f s more", secondsSince(t)));
            System.err.println(out.getLast());
            GraphRagSettings base = GraphRagSettings.DEFAULTS;
            GraphProjector projector = new GraphProjector(store, base.projection());
            long heapBefore = usedHeap();
            t = System.nanoTime();
            GraphProjection projection = projector.project();
            double projectSeconds = secondsSince(t);
            long heapProjection = usedHeap() - heapBefore;
            t = System.nanoTime();
            ProjectionCache cache = new ProjectionCache(() -> projection, null);
            ProjectionCache.Engine engine = cache.engine();
            double engineSeconds = secondsSince(t);
            long heapEngine = usedHeap() - heapBefore;
            long edges = projection.edgeCount();
            out.add(String.format(Locale.ROOT, "projection: %,d nodes, %,d edges (%,d arcs) built in %.1f s; heap %,d MB "
                            + "(%.1f B/edge), CSR arrays %.2f B/edge (weights %s), all primitive columns %.1f B/edge; with PageRank "
                            + "engines %.1f s more, heap %,d MB (%.1f B/edge)", projection.graph().nodeCount(), edges,
                    projection.graph().arcCount(), projectSeconds, heapProjection >> 20,
                    (double) heapProjection / edges, (double) projection.graph().memoryBytes() / edges,
                    projection.graph().weightsCoded() ? "coded" : "float",
                    (double) projection.columnBytes() / edges, engineSeconds, heapEngine >> 20,
                    (double) heapEngine / edges));
            System.err.println(out.getLast());
            QueryEntityExtractor names = new QueryEntityExtractor();
            SplittableRandom random = new SplittableRandom(7);
            List<String> questions = new ArrayList<>();
            for (int i = 0; i < queries + 10; i++) {
                questions.add(corpus.question(random.nextInt(corpus.chunkCount())));
            }
            // --local-epsilon 1e-6,3e-7: the PageRank-only step at each threshold, the query runs at the first
            String[] thresholds = opts.getOrDefault("local-epsilon", String.valueOf(base.pprStrategy().localEpsilon()))
                    .split(",");
            base = base.toBuilder().pprStrategy(base.pprStrategy().withLocalEpsilon(Double.parseDouble(thresholds[0])))
                    .build();
            for (String threshold : thresholds) {
                GraphRagSettings at = base.toBuilder()
                        .pprStrategy(base.pprStrategy().withLocalEpsilon(Double.parseDouble(threshold))).build();
                out.add(pageRankOnly(engine, names, questions, queries, at,
                        Integer.parseInt(opts.getOrDefault("local-queries", String.valueOf(queries)))));
                System.err.println(out.getLast());
            }
            if (Boolean.parseBoolean(opts.getOrDefault("refresh", "true"))) {
                out.add(refresh(corpus, embedder, store, projector, projection, projectSeconds,
                        Integer.parseInt(opts.getOrDefault("refresh-docs", "10"))));
                System.err.println(out.getLast());
            }
            if (!Boolean.parseBoolean(opts.getOrDefault("retrievers", "true"))) {
                questions.clear(); // store without online indexes: PageRank from name seeds only
            }
            for (PprStrategy.Method method : questions.isEmpty() ? new PprStrategy.Method[0]
                    : new PprStrategy.Method[] {PprStrategy.Method.GLOBAL, PprStrategy.Method.AUTO}) {
                GraphRagSettings settings = base.toBuilder().pprStrategy(base.pprStrategy().withMethod(method)).build();
                GraphRagRetriever retriever = new GraphRagRetriever(embedder, new ChunkSearch(store),
                        new FactLinker(new FactSearch(store)),
                        new MentionLinker(names::extract, embedder, new EntitySearch(store)),
                        new NameLinker(names::extract), new ChunkLookup(store), cache, settings);
                for (Mode mode : new Mode[] {Mode.GRAPHRAG, Mode.PPR}) {
                    out.add(measure(retriever, mode, method, questions, queries));
                    System.err.println(out.getLast());
                }
            }
        }
        String report = String.join("\n", out) + "\n";
        System.out.print(report);
        Files.writeString(dir.resolve("query.txt"), report);
    }

    /**
     * PageRank alone from the seeds the name linker finds in each question (in memory, no index needed): the global
     * iteration at the retrieval tolerance against forward push to the strategy's per-node threshold, and how often
     * their top-5 chunks agree.
     */
    private static String pageRankOnly(ProjectionCache.Engine engine, QueryEntityExtractor names, List<String> questions,
                                       int queries, GraphRagSettings settings, int localQueries) {
        GraphProjection projection = engine.projection();
        NameLinker linker = new NameLinker(names::extract);
        AccessMask all = AccessMask.of(projection, AccessFilter.ALL);
        double d = settings.damping();
        PprOptions options = PprOptions.DEFAULT.withDamping(d).withTolerance(settings.pprTolerance());
        PprOptions exactOptions = PprOptions.DEFAULT.withDamping(d).withTolerance(1e-10).withMaxIterations(500);
        double epsilon = settings.pprStrategy().localEpsilon();
        double[] reset = new double[projection.graph().nodeCount()];
        List<Double> global = new ArrayList<>();
        List<Double> local = new ArrayList<>();
        List<Double> auto = new ArrayList<>();
        PageRankStage stage = new PageRankStage(settings);
        int autoLocal = 0;
        int autoFellBack = 0;
        long arcs = 0;
        int agree = 0;
        int localExact = 0;
        int globalExact = 0;
        double localOverlap = 0;
        double localAtLeastFifth = 0;
        double globalOverlap = 0;
        int iterations = 0;
        for (int i = 0; i < questions.size(); i++) {
            List<SeedNode> seeds = linker.link(questions.get(i), 1.0, projection, all);
            if (seeds.isEmpty()) {
                continue;
            }
            int[] nodes = seeds.stream().mapToInt(SeedNode::node).distinct().toArray();
            double[] weights = new double[nodes.length];
            for (SeedNode s : seeds) {
                reset[s.node()] += s.seed().weight();
            }
            for (int k = 0; k < nodes.length; k++) {
                weights[k] = reset[nodes[k]];
            }
            // the reference both methods approximate: the iteration run to a tolerance far below either's error
            double[] exact = engine.ranker().run(reset, exactOptions, engine.workspaces().get()).clone();
            int[] topExact = TopK.of(exact, 5, v -> projection.isChunk(v) && exact[v] > 0);
            long t = System.nanoTime();
            double[] loose = engine.ranker().run(reset, options, engine.workspaces().get());
            double g = (System.nanoTime() - t) / 1e6;
            iterations = engine.workspaces().get().iterations();
            int[] topGlobal = TopK.of(loose, 5, v -> projection.isChunk(v) && loose[v] > 0);
            // forced local, without a budget, on the first measured questions (--local-queries)
            boolean runLocal = i >= 10 && local.size() < localQueries;
            ForwardPushPpr.Workspace ws = engine.localWorkspaces().get();
            t = System.nanoTime();
            int[] topLocal = null;
            if (runLocal) {
                engine.localRanker().run(nodes, weights, d, epsilon, ws);
                double[] approx = engine.localRanker().refineTop(PageRankStage.REFINED,
                        PageRankStage.REFINED_MAX_DEGREE, d, ws);
                topLocal = TopK.of(approx, ws.touched(), ws.touchedCount(), 5,
                        v -> projection.isChunk(v) && approx[v] > 0);
            }
            double l = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            PageRankStage.Ranking chosen = stage.run(engine, reset, nodes);
            double a = (System.nanoTime() - t) / 1e6;
            for (int node : nodes) {
                reset[node] = 0;
            }
            if (i >= 10) {
                global.add(g);
                auto.add(a);
                autoLocal += chosen.local() ? 1 : 0;
                autoFellBack += chosen.fellBack() ? 1 : 0;
                if (runLocal) {
                    local.add(l);
                    arcs += ws.arcVisits();
                    agree += java.util.Arrays.equals(topGlobal, topLocal) ? 1 : 0;
                    localExact += java.util.Arrays.equals(topExact, topLocal) ? 1 : 0;
                    localOverlap += overlap(topLocal, topExact);
                    localAtLeastFifth += atLeastFifth(topLocal, topExact, exact);
                    globalExact += java.util.Arrays.equals(topExact, topGlobal) ? 1 : 0;
                    globalOverlap += overlap(topGlobal, topExact);
                }
            }
        }
        double[] gs = global.stream().mapToDouble(Double::doubleValue).toArray();
        double[] ls = local.stream().mapToDouble(Double::doubleValue).toArray();
        double[] as = auto.stream().mapToDouble(Double::doubleValue).toArray();
        return String.format(Locale.ROOT, "PageRank from name seeds (%d questions): global (%d sweeps, tolerance %.0e) "
                        + "p50 %.1f ms, p95 %.1f ms; local (threshold %.0e per unit of degree) p50 %.2f ms, p95 %.2f ms, %.0f arcs scanned "
                        + "on average of %,d; top-5 chunks identical in %d of %d (local run on the first %d); against "
                        + "the exact ranking (tolerance 1e-10) top-5 identical / mean overlap: local %d / %.3f, global "
                        + "%d / %.3f; share of local top-5 chunks scoring at least the exact fifth (ties count): "
                        + "%.3f; auto p50 %.1f ms, p95 %.1f ms (%d "
                        + "local, %d tried local and fell back, %d global at once)", gs.length, iterations,
                settings.pprTolerance(), LatencyStats.percentile(gs, 50), LatencyStats.percentile(gs, 95), epsilon,
                LatencyStats.percentile(ls, 50), LatencyStats.percentile(ls, 95),
                ls.length == 0 ? 0.0 : (double) arcs / ls.length, projection.graph().arcCount(), agree, ls.length,
                ls.length, localExact, ls.length == 0 ? 0.0 : localOverlap / ls.length, globalExact,
                ls.length == 0 ? 0.0 : globalOverlap / ls.length,
                ls.length == 0 ? 0.0 : localAtLeastFifth / ls.length,
                LatencyStats.percentile(as, 50), LatencyStats.percentile(as, 95), autoLocal, autoFellBack,
                as.length - autoLocal - autoFellBack);
    }

    private static String measure(GraphRagRetriever retriever, Mode mode, PprStrategy.Method method,
                                  List<String> questions, int queries) {
        double[] total = new double[queries];
        double[] ppr = new double[queries];
        int local = 0;
        int seeded = 0;
        Map<String, List<Double>> stages = new java.util.LinkedHashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            RetrievalResult r = retriever.retrieve(new RetrievalRequest(questions.get(i), mode, 5, AccessFilter.ALL));
            int q = i - 10; // the first ten warm up
            if (q >= 0) {
                r.timingsMillis().forEach((k, v) -> stages.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
                total[q] = r.timingsMillis().get("total");
                Double p = r.timingsMillis().containsKey("ppr-local") ? r.timingsMillis().get("ppr-local") : r.timingsMillis().get("ppr");
                ppr[q] = p == null ? 0 : p;
                local += r.timingsMillis().containsKey("ppr-local") ? 1 : 0;
                seeded += r.seeds().isEmpty() ? 0 : 1;
            }
        }
        StringBuilder medians = new StringBuilder();
        stages.forEach((k, v) -> {
            if (!k.equals("total")) {
                medians.append(medians.isEmpty() ? "" : ", ").append(k).append(String.format(Locale.ROOT, " %.1f",
                        LatencyStats.percentile(v.stream().mapToDouble(Double::doubleValue).toArray(), 50)));
            }
        });
        return String.format(Locale.ROOT, "%s, PPR %s: query p50 %.1f ms, p95 %.1f ms; PageRank stage p50 %.1f ms, "
                        + "p95 %.1f ms; %d of %d queries seeded, %d ran locally; stage medians (ms): %s",
                mode.name().toLowerCase(Locale.ROOT), method.name().toLowerCase(Locale.ROOT),
                LatencyStats.percentile(total, 50), LatencyStats.percentile(total, 95),
                LatencyStats.percentile(ppr, 50), LatencyStats.percentile(ppr, 95), seeded, queries, local, medians);
    }

    /**
     * Two small ingests, each followed by the projection brought up to date from its delta (the second from the
     * first's result, with the queries' plans warm), against a full rebuild after both: times, and whether the
     * refreshed projection equals the rebuilt one. The copies (the corpus' first documents under new ids) are deleted
     * afterwards, so the store is as before.
     */
    private static String refresh(SyntheticCorpus corpus, HashedEmbedder embedder, GraphStore store,
                                  GraphProjector projector, GraphProjection before, double fullSeconds, int docs) {
        String prefix = "refresh-" + System.currentTimeMillis() + "-";
        double[] ingest = new double[2];
        double[] delta = new double[2];
        GraphProjection current = before;
        boolean applied = true;
        for (int round = 0; round < 2; round++) {
            long t = System.nanoTime();
            new ScaleLoader(store, embedder, docs).load(corpus, round * docs, (round + 1) * docs, prefix);
            ingest[round] = secondsSince(t);
            t = System.nanoTime();
            java.util.Optional<GraphProjection> refreshed = projector.refresh(current);
            delta[round] = secondsSince(t);
            applied &= refreshed.isPresent();
            current = refreshed.orElse(current);
        }
        long t = System.nanoTime();
        GraphProjection rebuilt = projector.project();
        double rebuild = secondsSince(t);
        boolean same = applied && current.sameAs(rebuilt);
        DocumentDeleter deleter = new DocumentDeleter(store);
        for (int d = 0; d < 2 * docs; d++) {
            deleter.delete(prefix + d);
        }
        return String.format(Locale.ROOT, "refresh after ingesting %d documents (%.1f s), then %d more (%.1f s): delta %s "
                        + "in %.2f s, then %.2f s, vs full rebuild %.1f s (first build %.1f s): %.0fx faster warm; "
                        + "refreshed equals rebuilt: %s", docs, ingest[0], docs, ingest[1],
                applied ? "applied" : "refused", delta[0], delta[1], rebuild, fullSeconds, rebuild / delta[1], same);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double secondsSince(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Share of {@code found} whose exact score is at least the exact k-th (so tied passages count as right). */
    private static double atLeastFifth(int[] found, int[] exact, double[] exactScores) {
        if (exact.length == 0) {
            return 1;
        }
        double kth = exactScores[exact[exact.length - 1]];
        int hit = 0;
        for (int v : found) {
            hit += exactScores[v] >= kth * (1 - 1e-9) ? 1 : 0;
        }
        return (double) hit / exact.length;
    }

    private static double overlap(int[] found, int[] exact) {
        if (exact.length == 0) {
            return 1;
        }
        java.util.Set<Integer> wanted = new java.util.HashSet<>();
        for (int v : exact) {
            wanted.add(v);
        }
        int hit = 0;
        for (int v : found) {
            hit += wanted.contains(v) ? 1 : 0;
        }
        return (double) hit / exact.length;
    }
}
