package dev.engram.app.server.query;

import dev.engram.app.server.ApiException;
import dev.engram.app.server.InputLimits;
import dev.engram.app.server.security.Caller;
import dev.engram.retrieval.Mode;
import dev.engram.store.search.AccessFilter;

/** A {@link QueryRequest} checked and resolved: the question, mode, topK and what the caller may read. */
public record ValidQuery(String question, Mode mode, int topK, AccessFilter access) {

    /** Checks a request body, refusing with 400 (or 403 for a view the caller may not take). */
    public static ValidQuery of(QueryRequest request, Caller caller, InputLimits limits) {
        if (request == null) {
            throw ApiException.badRequest("a JSON body {question, mode, topK} is required");
        }
        String question = limits.question(request.question());
        Mode mode = request.mode() == null || request.mode().isBlank() ? Mode.GRAPHRAG : Mode.parse(request.mode());
        int topK = limits.topK(request.topK() == null ? 5 : request.topK());
        return new ValidQuery(question, mode, topK, caller.accessFor(request.tenant(), request.groups()));
    }
}
