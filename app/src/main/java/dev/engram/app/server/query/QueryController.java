package dev.engram.app.server.query;

import dev.engram.app.server.ApiException;
import dev.engram.app.server.security.Caller;
import dev.engram.retrieval.Mode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/query}: GraphRAG question answering with citations. */
@RestController
public class QueryController {
    private final Answerer answerer;
    private final int maxTopK;

    QueryController(Answerer answerer, @Value("${engram.query.max-top-k:100}") int maxTopK) {
        this.answerer = answerer;
        this.maxTopK = maxTopK;
    }

    @PostMapping("/api/query")
    QueryResponse query(@RequestBody QueryRequest request, Caller caller) {
        if (request == null || request.question() == null || request.question().isBlank()) {
            throw ApiException.badRequest("question is required and must not be empty");
        }
        Mode mode = request.mode() == null || request.mode().isBlank() ? Mode.GRAPHRAG : Mode.parse(request.mode());
        int topK = request.topK() == null ? 5 : request.topK();
        if (topK < 1 || topK > maxTopK) {
            throw ApiException.badRequest("topK must be between 1 and " + maxTopK + ", was " + topK);
        }
        return answerer.answer(request.question(), mode, topK, caller.accessFor(request.tenant(), request.groups()));
    }
}
