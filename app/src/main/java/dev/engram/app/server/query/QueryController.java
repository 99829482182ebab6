package dev.engram.app.server.query;

import dev.engram.app.config.EngramConfig;
import dev.engram.app.server.security.Caller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/query}: GraphRAG question answering with citations. */
@RestController
public class QueryController {
    private final Answerer answerer;
    private final int maxTopK;

    QueryController(Answerer answerer, EngramConfig config) {
        this.answerer = answerer;
        this.maxTopK = config.server().maxTopK();
    }

    @PostMapping("/api/query")
    QueryResponse query(@RequestBody QueryRequest request, Caller caller) {
        ValidQuery q = ValidQuery.of(request, caller, maxTopK);
        return answerer.answer(q.question(), q.mode(), q.topK(), q.access());
    }
}
