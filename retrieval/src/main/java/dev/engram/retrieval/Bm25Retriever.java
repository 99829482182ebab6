package dev.engram.retrieval;

import dev.engram.store.search.ChunkSearch;
import java.util.List;

/** Ranks chunks by Lucene BM25 over the chunk full-text index. */
public record Bm25Retriever(ChunkSearch search) implements Retriever {

    @Override
    public RetrievalResult retrieve(RetrievalRequest request) {
        return RetrievalResult.of(DenseRetriever.toPassages(search.fullText(request.question(), request.topK(), request.access())));
    }
}
