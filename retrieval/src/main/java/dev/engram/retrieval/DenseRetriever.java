package dev.engram.retrieval;

import dev.engram.records.embedding.Embedder;
import dev.engram.store.search.ChunkSearch;
import dev.engram.store.search.ScoredChunk;
import java.util.List;

/** Ranks chunks by cosine similarity of their embedding to the question's. */
public record DenseRetriever(Embedder embedder, ChunkSearch search) implements Retriever {

    @Override
    public RetrievalResult retrieve(RetrievalRequest request) {
        return RetrievalResult.of(retrieve(embedder.embedQuery(request.question()), request));
    }

    /** Same as {@link #retrieve(RetrievalRequest)} with the question already embedded. */
    public List<RankedPassage> retrieve(float[] questionVector, RetrievalRequest request) {
        return toPassages(search.dense(questionVector, request.topK(), request.access()));
    }

    static List<RankedPassage> toPassages(List<ScoredChunk> chunks) {
        return chunks.stream()
                .map(c -> new RankedPassage(c.chunkId(), c.documentId(), c.title(), c.text(), c.score(), c.place()))
                .toList();
    }
}
