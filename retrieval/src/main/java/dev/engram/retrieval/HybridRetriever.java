package dev.engram.retrieval;

import dev.engram.retrieval.fusion.ReciprocalRankFusion;
import java.util.List;

/** Dense and BM25 rankings fused by reciprocal rank. */
public final class HybridRetriever implements Retriever {
    private final Retriever dense;
    private final Retriever bm25;
    private final ReciprocalRankFusion fusion;
    private final int depth;

    /** Fuses the top {@code depth} of each ranking. */
    public HybridRetriever(Retriever dense, Retriever bm25, ReciprocalRankFusion fusion, int depth) {
        this.dense = dense;
        this.bm25 = bm25;
        this.fusion = fusion;
        this.depth = depth;
    }

    @Override
    public RetrievalResult retrieve(RetrievalRequest request) {
        RetrievalRequest deep = new RetrievalRequest(request.question(), request.mode(),
                Math.max(depth, request.topK()), request.access());
        return RetrievalResult.of(fusion.fuse(
                List.of(dense.retrieve(deep).passages(), bm25.retrieve(deep).passages()), null, request.topK()));
    }
}
