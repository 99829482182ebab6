package dev.engram.retrieval;

/** Ranks chunks for a question. Implementations are thread-safe. */
public interface Retriever {

    /** The top {@code request.topK()} chunks, best first, with whatever evidence the mode produces. */
    RetrievalResult retrieve(RetrievalRequest request);
}
