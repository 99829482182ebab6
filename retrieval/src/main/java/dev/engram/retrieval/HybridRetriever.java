package dev.engram.retrieval;

import dev.engram.retrieval.fusion.ReciprocalRankFusion;
import java.util.List;

/** Dense and BM25 rankings fused by reciprocal rank. */
public record HybridRetriever(Retriever dense, Retriever bm25, ReciprocalRankFusion fusion, int depth) implements Retriever {

    @Override
    public RetrievalResult retrieve(RetrievalRequest request) {
        RetrievalRequest deep = new RetrievalRequest(request.question(), request.mode(),
                Math.max(depth, request.topK()), request.access());
        return RetrievalResult.of(fusion.fuse(
                List.of(dense.retrieve(deep).passages(), bm25.retrieve(deep).passages()), null, request.topK()));
    }
}
