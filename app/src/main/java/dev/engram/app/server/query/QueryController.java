package dev.engram.app.server.query;

import dev.engram.app.server.InputLimits;
import dev.engram.app.server.security.Caller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/query}: GraphRAG question answering with citations. */
@RestController
public record QueryController(Answerer answerer, InputLimits limits) {
    @PostMapping("/api/query")
    QueryResponse query(@RequestBody QueryRequest request, Caller caller) {
        ValidQuery q = ValidQuery.of(request, caller, limits);
        return answerer.answer(q.question(), q.mode(), q.topK(), q.access());
    }
}
