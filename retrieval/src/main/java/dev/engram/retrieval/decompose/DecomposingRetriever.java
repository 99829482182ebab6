package dev.engram.retrieval.decompose;

import dev.engram.retrieval.RankedPassage;
import dev.engram.retrieval.RetrievalRequest;
import dev.engram.retrieval.RetrievalResult;
import dev.engram.retrieval.Retriever;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Retrieves for each part of a split question as well as for the whole, and merges the rankings so that every part
 * is represented: round-robin over the parts' rankings and then the whole question's, each passage once, scored
 * relative to the top of the ranking it came from. A question that does not split goes to the inner retriever
 * unchanged, or, with {@code splitOnly} (a retry that only makes sense for split questions), gets an empty result.
 * Seeds, paths and weighting are the whole question's.
 */
public record DecomposingRetriever(Retriever inner, QuestionDecomposer decomposer, boolean splitOnly)
        implements Retriever {

    /** Splits what it can and passes the rest through. */
    public DecomposingRetriever(Retriever inner, QuestionDecomposer decomposer) {
        this(inner, decomposer, false);
    }

    @Override
    public RetrievalResult retrieve(RetrievalRequest request) {
        SubQuestions sub = decomposer.split(request.question());
        if (splitOnly && !sub.split()) {
            return RetrievalResult.of(List.of());
        }
        RetrievalResult whole = inner.retrieve(request);
        if (!sub.split() || !whole.themes().isEmpty()) {
            return whole;
        }
        long start = System.nanoTime();
        List<List<RankedPassage>> rankings = new ArrayList<>();
        for (String part : sub.parts()) {
            rankings.add(inner.retrieve(new RetrievalRequest(part, request.mode(), request.topK(), request.access()))
                    .passages());
        }
        rankings.add(whole.passages());
        List<RankedPassage> merged = merge(rankings, request.topK());
        return new RetrievalResult(merged, whole.seeds(), whole.paths(), whole.timingsMillis(), whole.themes(),
                whole.weighting()).withTiming("sub-questions", (System.nanoTime() - start) / 1e6)
                .withNote("sub-questions (" + sub.kind() + "): " + String.join(" | ", sub.parts())
                        + "; passages merged round-robin with the whole question's");
    }

    static List<RankedPassage> merge(List<List<RankedPassage>> rankings, int k) {
        Map<String, RankedPassage> out = new LinkedHashMap<>();
        int depth = rankings.stream().mapToInt(List::size).max().orElse(0);
        for (int rank = 0; rank < depth && out.size() < k; rank++) {
            for (List<RankedPassage> ranking : rankings) {
                if (rank < ranking.size() && out.size() < k) {
                    RankedPassage p = ranking.get(rank);
                    double top = ranking.getFirst().score();
                    out.putIfAbsent(p.chunkId(), p.withScore(top > 0 ? p.score() / top : 0));
                }
            }
        }
        return List.copyOf(out.values());
    }
}
