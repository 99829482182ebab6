package dev.engram.retrieval.graph;

import dev.engram.retrieval.graph.PageRankStage.Ranking;
import dev.engram.records.embedding.Embedder;
import dev.engram.retrieval.Mode;
import dev.engram.retrieval.RankedPassage;
import dev.engram.retrieval.RetrievalRequest;
import dev.engram.retrieval.RetrievalResult;
import dev.engram.retrieval.Retriever;
import dev.engram.retrieval.Seed;
import dev.engram.retrieval.VerbalizedPath;
import dev.engram.retrieval.Weighting;
import dev.engram.retrieval.decompose.RelationalNouns;
import dev.engram.retrieval.fusion.ReciprocalRankFusion;
import dev.engram.retrieval.linking.FactLinker;
import dev.engram.retrieval.linking.MentionLinker;
import dev.engram.retrieval.linking.NameLinker;
import dev.engram.retrieval.linking.SeedFilter;
import dev.engram.retrieval.linking.SeedNode;
import dev.engram.store.lookup.ChunkLookup;
import dev.engram.store.projection.GraphProjection;
import dev.engram.store.search.ChunkSearch;
import dev.engram.store.search.ScoredChunk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * HippoRAG-style retrieval: link the question to seed entities, spread Personalized PageRank from them (plus a
 * little mass on the densely retrieved chunks), rank chunks by where the mass lands, and explain with paths.
 * In {@link Mode#PPR} the ranking is the graph's alone; in {@link Mode#GRAPHRAG} dense scores join the reset
 * vector and, when configured, the final ranking by reciprocal rank fusion.
 */
public final class GraphRagRetriever implements Retriever {
    // searches wait on the database, not the CPU: a virtual thread per search costs next to nothing
    private static final ExecutorService SEARCHES = Executors.newVirtualThreadPerTaskExecutor();

    private final Embedder embedder;
    private final ChunkSearch search;
    private final ChunkLookup lookup;
    private final ProjectionCache projections;
    private final FactLinker facts;
    private final MentionLinker mentions;
    private final NameLinker names;
    private static final SeedFilter SEED_FILTER = new SeedFilter();
    private static final BridgeFacts BRIDGE_FACTS = new BridgeFacts(RelationalNouns.load());
    /**
     * Power applied to the dense hits' min-max-normalised scores before they become the dense walk's reset weights.
     * Linear weights over 100 hits are flat (the 50th hit gets about half the first's mass), so the dense walk could
     * not hold dense retrieval's first places against a concentrated graph walk; the cube keeps the top hits' lead.
     * Chosen on the development sets (BENCHMARKS.md): hotpotqa-100 R@5 0.925 → 0.940; musique-100 R@5 equal, AE@8 −6.
     */
    static final double DENSE_EXPONENT = 3;
    /** Bridge facts listed in {@code --explain}. */
    private static final int MAX_LISTED_FACTS = 8;
    private final PathExplainer explainer = new PathExplainer();
    private final GraphRagSettings settings;
    private final PageRankStage pageRank;

    /** A retriever over the store's indexes and the in-memory graph. */
    public GraphRagRetriever(Embedder embedder, ChunkSearch search, FactLinker facts, MentionLinker mentions,
                             NameLinker names, ChunkLookup lookup, ProjectionCache projections,
                             GraphRagSettings settings) {
        this.embedder = embedder;
        this.search = search;
        this.lookup = lookup;
        this.projections = projections;
        this.facts = facts;
        this.mentions = mentions;
        this.names = names;
        this.settings = settings;
        this.pageRank = new PageRankStage(settings);
    }

    /** The settings in force. */
    public GraphRagSettings settings() {
        return settings;
    }

    @Override
    public RetrievalResult retrieve(RetrievalRequest request) {
        Map<String, Double> timings = new LinkedHashMap<>();
        long start = System.nanoTime();
        Linked linked = link(request, timings, start);
        long t = System.nanoTime();
        List<RankedPassage> denseRanking = toPassages(linked.dense());
        if (linked.seeds().isEmpty()) {
            // nothing to spread from: the graph cannot help, so answer as dense retrieval would
            timings.put("total", (System.nanoTime() - start) / 1e6);
            return new RetrievalResult(cut(denseRanking, request.topK()), List.of(), List.of(), timings);
        }
        ProjectionCache.Engine engine = linked.engine();
        GraphProjection projection = engine.projection();
        Walks walks = walk(engine, linked, request.mode());
        t = lap(timings, walks.graph().local() ? "ppr-local" : "ppr", t); // separate stages, so medians stay per method
        Weighting weighting = null;
        Ranking ranked = walks.graph();
        if (walks.dense() != null) {
            weighting = settings.weighting().decide(signals(linked, walks, projection));
            ranked = walks.graph().mix(walks.dense(), weighting.graphShare());
            double bridgeShare = settings.weighting().bridge();
            if (bridgeShare > 0) {
                Bridge bridge = bridgeWalk(engine, ranked, linked, EvidenceWeighting.BRIDGE_TOP);
                if (bridge != null) {
                    ranked = bridge.ranking().mix(ranked, bridgeShare);
                    weighting = weighting.withBridge(bridgeShare, bridge.from(), bridge.facts());
                }
            }
            t = lap(timings, "bridge", t);
        }
        double[] scores = ranked.scores();

        int depth = Math.max(request.topK(), settings.fusionWeight() > 0 ? settings.denseDepth() : request.topK());
        AccessMask access = linked.access();
        int[] top = ranked.top(depth, node -> projection.isChunk(node) && access.chunk(node) && scores[node] > 0);
        List<RankedPassage> graphRanking = passagesFor(top, scores, projection, linked.dense());
        List<RankedPassage> ranking = graphRanking;
        if (request.mode() == Mode.GRAPHRAG && settings.fusionWeight() > 0) {
            ranking = new ReciprocalRankFusion(ReciprocalRankFusion.DEFAULT_K).fuse(
                    List.of(graphRanking, denseRanking), new double[] {1.0, settings.fusionWeight()}, request.topK());
        }
        ranking = cut(ranking, request.topK());
        t = lap(timings, "rank", t);

        int[] seedNodes = linked.seeds().stream().mapToInt(SeedNode::node).distinct().toArray();
        List<VerbalizedPath> paths = explainer.explain(engine, ranked, seedNodes, settings.pathCandidates(),
                settings.pathHops(), settings.maxPaths(), access);
        lap(timings, "paths", t);
        timings.put("total", (System.nanoTime() - start) / 1e6);
        List<Seed> seedList = linked.seeds().stream().map(SeedNode::seed).toList();
        return new RetrievalResult(ranking, seedList, paths, timings, List.of(), weighting);
    }

    /**
     * What one question links to and the two walks graphrag mixes, before any weighting: for error analysis and for
     * choosing the weighting rule on development sets (it is linear, so any mix of the two walks is the walk from the
     * mixed reset vector).
     */
    public Components components(RetrievalRequest request) {
        Linked linked = link(request, new LinkedHashMap<>(), System.nanoTime());
        if (linked.seeds().isEmpty()) {
            return new Components(List.of(), linked.dense(), null, null, null, null, linked.engine().projection());
        }
        Walks walks = walk(linked.engine(), linked, Mode.GRAPHRAG);
        GraphProjection projection = linked.engine().projection();
        if (walks.dense() == null) {
            return new Components(linked.seeds(), linked.dense(), walks.graph().scores(), null, null, null, projection);
        }
        EvidenceSignals signals = signals(linked, walks, projection);
        double share = settings.weighting().decide(signals).graphShare();
        Ranking mixed = walks.graph().mix(walks.dense(), share);
        Bridge bridge = bridgeWalk(linked.engine(), mixed, linked, EvidenceWeighting.BRIDGE_TOP);
        return new Components(linked.seeds(), linked.dense(), walks.graph().scores(), walks.dense().scores(),
                bridge == null ? null : bridge.ranking().scores(), signals, projection);
    }

    /**
     * The second round's walk restarted from the top passages of the mix at each of {@code shares} (null where the
     * mix has no readable passage): for comparing weighting rules offline, since the second round is not linear in
     * the share.
     */
    public List<double[]> bridgesAt(RetrievalRequest request, double[] shares) {
        Linked linked = link(request, new LinkedHashMap<>(), System.nanoTime());
        List<double[]> out = new ArrayList<>();
        if (linked.seeds().isEmpty()) {
            return out;
        }
        Walks walks = walk(linked.engine(), linked, Mode.GRAPHRAG);
        if (walks.dense() == null) {
            return out;
        }
        for (double share : shares) {
            Ranking mixed = walks.graph().mix(walks.dense(), share);
            Bridge bridge = bridgeWalk(linked.engine(), mixed, linked, EvidenceWeighting.BRIDGE_TOP);
            out.add(bridge == null ? null : bridge.ranking().scores());
        }
        return out;
    }

    /** The second round's walk, the passages it restarted from and the bridge facts that added entities. */
    record Bridge(Ranking ranking, List<String> from, List<String> facts) {}

    /**
     * The walk restarting at the top passages of a ranking, weighted by their scores, and at the bridge entities
     * their facts lead to ({@link BridgeFacts}; together {@code bridgeFacts} times the passages' mass): it reaches
     * what shares their entities, above all the next hop's. Null when the ranking has no readable passage.
     */
    Bridge bridgeWalk(ProjectionCache.Engine engine, Ranking ranking, Linked linked, int top) {
        GraphProjection projection = engine.projection();
        AccessMask access = linked.access();
        double[] scores = ranking.scores();
        int[] best = ranking.top(top, node -> projection.isChunk(node) && access.chunk(node) && scores[node] > 0);
        if (best.length == 0) {
            return null;
        }
        double[] weights = new double[best.length];
        double passageMass = 0;
        for (int i = 0; i < best.length; i++) {
            weights[i] = scores[best[i]];
            passageMass += weights[i];
        }
        List<BridgeFacts.BridgeEntity> entities = List.of();
        double factMass = settings.weighting().bridgeFacts();
        if (factMass > 0) {
            Set<Integer> seeded = new HashSet<>();
            linked.seeds().forEach(s -> seeded.add(s.node()));
            entities = BRIDGE_FACTS.find(projection, linked.cues(), best, weights, seeded).stream()
                    .filter(e -> access.anyMentioningChunk(projection, e.node())).toList();
        }
        double entityMass = entities.stream().mapToDouble(BridgeFacts.BridgeEntity::weight).sum();
        double[] reset = engine.resets().get();
        int[] touched = new int[best.length + entities.size()];
        int count = 0;
        for (int node : best) {
            reset[node] += scores[node];
            touched[count++] = node;
        }
        for (BridgeFacts.BridgeEntity e : entities) {
            reset[e.node()] += factMass * passageMass * e.weight() / entityMass;
            touched[count++] = e.node();
        }
        try {
            Ranking walked = pageRank.run(engine, reset, touched).copy();
            List<String> facts = entities.stream().map(e -> projection.entityName(e.node()) + " (" + e.fact() + ")")
                    .distinct().limit(MAX_LISTED_FACTS).toList();
            return new Bridge(walked, Arrays.stream(best).mapToObj(projection::nodeId).toList(), facts);
        } finally {
            clear(reset, touched);
        }
    }

    /** Seeds, dense hits and the walks' scores (full arrays over the projection's nodes; null without seeds). */
    public record Components(List<SeedNode> seeds, List<ScoredChunk> dense, double[] graphScores, double[] denseScores,
                             double[] bridgeScores, EvidenceSignals signals, GraphProjection projection) {}

    private record Linked(ProjectionCache.Engine engine, AccessMask access, List<SeedNode> seeds,
                          List<ScoredChunk> dense, BridgeFacts.Cues cues) {}

    private record Walks(Ranking graph, Ranking dense) {}

    private Linked link(RetrievalRequest request, Map<String, Double> timings, long start) {
        float[] question = embedder.embedQuery(request.question());
        long t = lap(timings, "embed", start);
        ProjectionCache.Engine engine = projections.engine(request.access());
        GraphProjection projection = engine.projection();
        AccessMask access = AccessMask.of(projection, request.access());
        t = lap(timings, "projection", t);

        // dense search and fact linking wait on the database while name linking tags the question: overlap all three
        Future<List<SeedNode>> linked = factSeeds(question, projection, request);
        Future<List<ScoredChunk>> searched = SEARCHES.submit(() ->
                search.dense(question, Math.max(settings.denseDepth(), request.topK()), request.access()));
        List<SeedNode> seeds = new ArrayList<>();
        if (names != null) {
            seeds.addAll(names.link(request.question(), settings.nameWeight(), projection, access));
        }
        if (settings.mentionSeeds() && mentions != null) {
            seeds.addAll(mentions.link(request.question(), settings.mentionTopK(), settings.mentionThreshold(),
                    projection, request.access()));
        }
        t = lap(timings, "link", t);
        List<ScoredChunk> dense = join(searched);
        t = lap(timings, "dense", t);
        seeds.addAll(0, join(linked));
        seeds = SEED_FILTER.apply(seeds);
        lap(timings, "facts", t);
        return new Linked(engine, access, seeds, dense, BRIDGE_FACTS.cues(request.question()));
    }

    /**
     * The walk from the seeds alone and, in graphrag mode with dense hits, the walk from the dense hits alone
     * (min-max-normalised scores as reset weights). Both score arrays are copies the caller owns.
     */
    private Walks walk(ProjectionCache.Engine engine, Linked linked, Mode mode) {
        GraphProjection projection = engine.projection();
        double[] reset = engine.resets().get();
        int[] touched = fillSeeds(reset, linked.seeds());
        Ranking graph;
        try {
            graph = pageRank.run(engine, reset, touched).copy();
        } finally {
            clear(reset, touched);
        }
        if (mode != Mode.GRAPHRAG || linked.dense().isEmpty()) {
            return new Walks(graph, null);
        }
        touched = fillDense(reset, linked.dense(), projection);
        if (touched.length == 0) {
            return new Walks(graph, null);
        }
        Ranking dense;
        try {
            dense = pageRank.run(engine, reset, touched).copy();
        } finally {
            clear(reset, touched);
        }
        return new Walks(graph, dense);
    }

    private EvidenceSignals signals(Linked linked, Walks walks, GraphProjection projection) {
        return EvidenceSignals.of(linked.seeds(), linked.dense(), walks.graph(), projection,
                settings.passageNodeWeight());
    }

    private static void clear(double[] reset, int[] touched) {
        for (int node : touched) {
            reset[node] = 0;
        }
    }

    private Future<List<SeedNode>> factSeeds(float[] question, GraphProjection projection, RetrievalRequest request) {
        if (!settings.factSeeds()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return SEARCHES.submit(() -> facts.link(question, settings.factTopK(), projection, request.access()));
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while linking the question", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Writes the seeds' weights into the (all-zero) reset buffer; returns the nodes it touched. */
    private static int[] fillSeeds(double[] reset, List<SeedNode> seeds) {
        int[] touched = new int[seeds.size()];
        int count = 0;
        for (SeedNode s : seeds) {
            reset[s.node()] += s.seed().weight();
            touched[count++] = s.node();
        }
        return Arrays.copyOf(touched, count);
    }

    /**
     * Writes the dense hits' min-max-normalised scores, cubed ({@link #DENSE_EXPONENT}), into the (all-zero) reset
     * buffer; returns the nodes touched.
     */
    private static int[] fillDense(double[] reset, List<ScoredChunk> dense, GraphProjection projection) {
        int[] touched = new int[dense.size()];
        int count = 0;
        double max = dense.stream().mapToDouble(ScoredChunk::score).max().orElse(1);
        double min = dense.stream().mapToDouble(ScoredChunk::score).min().orElse(0);
        for (ScoredChunk c : dense) {
            int node = projection.node(c.chunkId());
            double normalised = max > min ? Math.pow((c.score() - min) / (max - min), DENSE_EXPONENT) : 1.0;
            if (node >= 0 && normalised > 0) {
                reset[node] += normalised;
                touched[count++] = node;
            }
        }
        return Arrays.copyOf(touched, count);
    }

    private List<RankedPassage> passagesFor(int[] nodes, double[] scores, GraphProjection projection,
                                            List<ScoredChunk> known) {
        Map<String, ScoredChunk> byId = new HashMap<>();
        known.forEach(c -> byId.put(c.chunkId(), c));
        List<String> missing = new ArrayList<>();
        for (int node : nodes) {
            if (!byId.containsKey(projection.nodeId(node))) {
                missing.add(projection.nodeId(node));
            }
        }
        Map<String, ChunkLookup.ChunkText> fetched = lookup.byIds(missing);
        List<RankedPassage> out = new ArrayList<>(nodes.length);
        for (int node : nodes) {
            String id = projection.nodeId(node);
            ScoredChunk c = byId.get(id);
            if (c != null) {
                out.add(new RankedPassage(id, c.documentId(), c.title(), c.text(), scores[node], c.place()));
            } else {
                ChunkLookup.ChunkText f = fetched.get(id);
                if (f != null) {
                    out.add(new RankedPassage(id, f.documentId(), f.title(), f.text(), scores[node], f.place()));
                }
            }
        }
        return out;
    }

    private static List<RankedPassage> toPassages(List<ScoredChunk> chunks) {
        return chunks.stream()
                .map(c -> new RankedPassage(c.chunkId(), c.documentId(), c.title(), c.text(), c.score(), c.place()))
                .toList();
    }

    private static List<RankedPassage> cut(List<RankedPassage> ranking, int k) {
        return ranking.size() > k ? List.copyOf(ranking.subList(0, k)) : ranking;
    }

    private static long lap(Map<String, Double> timings, String stage, long since) {
        long now = System.nanoTime();
        timings.put(stage, (now - since) / 1e6);
        return now;
    }
}
