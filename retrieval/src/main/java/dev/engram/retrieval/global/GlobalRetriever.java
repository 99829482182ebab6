package dev.engram.retrieval.global;

import dev.engram.records.embedding.Embedder;
import dev.engram.retrieval.RankedPassage;
import dev.engram.retrieval.RetrievalRequest;
import dev.engram.retrieval.RetrievalResult;
import dev.engram.retrieval.Retriever;
import dev.engram.retrieval.Theme;
import dev.engram.store.community.CitedLine;
import dev.engram.store.community.CommunityRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code global} mode: ranks the top-level communities the caller may see against the question and returns the
 * best {@code topK} as themes, each with its cited facts and sentences; their chunks are the passages. A community's
 * score is half its similarity to the question (min-max normalised over the candidates) and half its coverage
 * (log of its documents, relative to the largest), so that a question about the whole collection ("what are the
 * main topics?") gets the broad themes; themes are then picked greedily with a penalty for resembling one already
 * picked (maximal marginal relevance), so one large topic cannot fill every slot. Thread-safe.
 */
public record GlobalRetriever(Embedder embedder, CommunityViews views) implements Retriever {
    static final double COVERAGE_WEIGHT = 0.5;
    static final double DIVERSITY_PENALTY = 0.3;


    @Override
    public RetrievalResult retrieve(RetrievalRequest request) {
        Map<String, Double> timings = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        CommunityView view = views.view(request.access());
        long t1 = System.nanoTime();
        timings.put("communities", (t1 - t0) / 1e6);
        float[] q = embedder.embedQuery(request.question());
        long t2 = System.nanoTime();
        timings.put("embed", (t2 - t1) / 1e6);
        List<CommunityRecord> candidates = view.level(0).stream()
                .filter(c -> c.embedding() != null && c.chunkCount() > 0).toList();
        List<Theme> themes = rank(q, candidates, request.topK());
        timings.put("rank", (System.nanoTime() - t2) / 1e6);
        List<RankedPassage> passages = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Theme t : themes) {
            for (CitedLine line : t.evidence()) {
                if (seen.add(line.chunkId())) {
                    passages.add(new RankedPassage(line.chunkId(), line.documentId(), line.title(), line.text(),
                            t.score()));
                }
            }
        }
        return new RetrievalResult(passages, List.of(), List.of(), timings, themes);
    }

    static List<Theme> rank(float[] q, List<CommunityRecord> candidates, int topK) {
        int n = candidates.size();
        double[] relevance = new double[n];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int maxDocs = 1;
        for (int i = 0; i < n; i++) {
            relevance[i] = dot(q, candidates.get(i).embedding());
            min = Math.min(min, relevance[i]);
            max = Math.max(max, relevance[i]);
            maxDocs = Math.max(maxDocs, candidates.get(i).documentCount());
        }
        double[] base = new double[n];
        for (int i = 0; i < n; i++) {
            double r = max > min ? (relevance[i] - min) / (max - min) : 1;
            double coverage = Math.log1p(candidates.get(i).documentCount()) / Math.log1p(maxDocs);
            base[i] = (1 - COVERAGE_WEIGHT) * r + COVERAGE_WEIGHT * coverage;
        }
        List<Integer> chosen = new ArrayList<>();
        List<Theme> themes = new ArrayList<>();
        boolean[] used = new boolean[n];
        while (chosen.size() < Math.min(topK, n)) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (used[i]) continue;
                double redundancy = 0;
                for (int j : chosen) {
                    redundancy = Math.max(redundancy, dot(candidates.get(i).embedding(), candidates.get(j).embedding()));
                }
                double score = base[i] - DIVERSITY_PENALTY * redundancy;
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            used[best] = true;
            chosen.add(best);
            CommunityRecord c = candidates.get(best);
            List<CitedLine> evidence = new ArrayList<>(c.sentences());
            evidence.addAll(c.facts());
            themes.add(new Theme(c.id(), c.level(), c.title(), c.keywords(), c.text(), c.size(), c.documentCount(),
                    bestScore, evidence));
        }
        return themes;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) s += a[i] * b[i];
        return s;
    }
}
