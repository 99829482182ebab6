package dev.engram.retrieval.graph;

import dev.engram.records.embedding.Embedder;
import dev.engram.pagerank.TopK;
import dev.engram.retrieval.Mode;
import dev.engram.retrieval.RankedPassage;
import dev.engram.retrieval.RetrievalRequest;
import dev.engram.retrieval.RetrievalResult;
import dev.engram.retrieval.Retriever;
import dev.engram.retrieval.Seed;
import dev.engram.retrieval.VerbalizedPath;
import dev.engram.retrieval.fusion.ReciprocalRankFusion;
import dev.engram.retrieval.linking.FactLinker;
import dev.engram.retrieval.linking.MentionLinker;
import dev.engram.retrieval.linking.NameLinker;
import dev.engram.retrieval.linking.SeedNode;
import dev.engram.store.lookup.ChunkLookup;
import dev.engram.store.projection.GraphProjection;
import dev.engram.store.search.ChunkSearch;
import dev.engram.store.search.ScoredChunk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;

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
        t = lap(timings, "facts", t);
        List<RankedPassage> denseRanking = toPassages(dense);
        if (seeds.isEmpty()) {
            // nothing to spread from: the graph cannot help, so answer as dense retrieval would
            timings.put("total", (System.nanoTime() - start) / 1e6);
            return new RetrievalResult(cut(denseRanking, request.topK()), List.of(), List.of(), timings);
        }

        double[] reset = engine.resets().get();
        int[] touched = fillReset(reset, seeds, dense, projection, request.mode());
        PageRankStage.Ranking ranked;
        try {
            ranked = pageRank.run(engine, reset, touched);
        } finally {
            for (int node : touched) {
                reset[node] = 0;
            }
        }
        double[] scores = ranked.scores();
        t = lap(timings, ranked.local() ? "ppr-local" : "ppr", t); // separate stages, so medians stay per method

        int depth = Math.max(request.topK(), settings.fusionWeight() > 0 ? settings.denseDepth() : request.topK());
        IntPredicate readableChunk = node -> projection.isChunk(node) && access.chunk(node) && scores[node] > 0;
        int[] top = ranked.local()
                ? TopK.of(scores, ranked.candidates(), ranked.candidateCount(), depth, readableChunk)
                : TopK.of(scores, depth, readableChunk);
        List<RankedPassage> graphRanking = passagesFor(top, scores, projection, dense);
        List<RankedPassage> ranking = graphRanking;
        if (request.mode() == Mode.GRAPHRAG && settings.fusionWeight() > 0) {
            ranking = new ReciprocalRankFusion(ReciprocalRankFusion.DEFAULT_K).fuse(
                    List.of(graphRanking, denseRanking), new double[] {1.0, settings.fusionWeight()}, request.topK());
        }
        ranking = cut(ranking, request.topK());
        t = lap(timings, "rank", t);

        int[] seedNodes = seeds.stream().mapToInt(SeedNode::node).distinct().toArray();
        List<VerbalizedPath> paths = explainer.explain(engine, scores, seedNodes, settings.pathCandidates(),
                settings.pathHops(), settings.maxPaths(), access);
        lap(timings, "paths", t);
        timings.put("total", (System.nanoTime() - start) / 1e6);
        List<Seed> seedList = seeds.stream().map(SeedNode::seed).toList();
        return new RetrievalResult(ranking, seedList, paths, timings);
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

    /** Writes seed and dense-chunk weights into the (all-zero) reset buffer; returns the nodes it touched. */
    private int[] fillReset(double[] reset, List<SeedNode> seeds, List<ScoredChunk> dense, GraphProjection projection,
                            Mode mode) {
        int[] touched = new int[seeds.size() + dense.size()];
        int count = 0;
        for (SeedNode s : seeds) {
            reset[s.node()] += s.seed().weight();
            touched[count++] = s.node();
        }
        if (mode == Mode.GRAPHRAG && settings.passageNodeWeight() > 0 && !dense.isEmpty()) {
            double max = dense.stream().mapToDouble(ScoredChunk::score).max().orElse(1);
            double min = dense.stream().mapToDouble(ScoredChunk::score).min().orElse(0);
            for (ScoredChunk c : dense) {
                int node = projection.node(c.chunkId());
                if (node >= 0) {
                    double normalised = max > min ? (c.score() - min) / (max - min) : 1.0;
                    reset[node] += settings.passageNodeWeight() * normalised;
                    touched[count++] = node;
                }
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
                out.add(new RankedPassage(id, c.documentId(), c.title(), c.text(), scores[node]));
            } else {
                ChunkLookup.ChunkText f = fetched.get(id);
                if (f != null) {
                    out.add(new RankedPassage(id, f.documentId(), f.title(), f.text(), scores[node]));
                }
            }
        }
        return out;
    }

    private static List<RankedPassage> toPassages(List<ScoredChunk> chunks) {
        return chunks.stream()
                .map(c -> new RankedPassage(c.chunkId(), c.documentId(), c.title(), c.text(), c.score()))
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
