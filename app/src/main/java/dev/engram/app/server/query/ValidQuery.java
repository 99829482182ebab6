package dev.engram.app.server.query;

import dev.engram.app.server.ApiException;
import dev.engram.app.server.security.Caller;
import dev.engram.retrieval.Mode;
import dev.engram.store.search.AccessFilter;

/** A {@link QueryRequest} checked and resolved: the question, mode, topK and what the caller may read. */
public record ValidQuery(String question, Mode mode, int topK, AccessFilter access) {

    /** Checks a request body, refusing with 400 (or 403 for a view the caller may not take). */
    public static ValidQuery of(QueryRequest request, Caller caller, int maxTopK) {
        if (request == null || request.question() == null || request.question().isBlank()) {
            throw ApiException.badRequest("question is required and must not be empty");
        }
        Mode mode = request.mode() == null || request.mode().isBlank() ? Mode.GRAPHRAG : Mode.parse(request.mode());
        int topK = request.topK() == null ? 5 : request.topK();
        if (topK < 1 || topK > maxTopK) {
            throw ApiException.badRequest("topK must be between 1 and " + maxTopK + ", was " + topK);
        }
        return new ValidQuery(request.question(), mode, topK, caller.accessFor(request.tenant(), request.groups()));
    }
}
