package dev.engram.app.server.cypher;

import dev.engram.app.server.ApiException;
import dev.engram.app.server.security.Caller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/cypher}: parameterised read-only Cypher. Arbitrary Cypher cannot be confined to a tenant's
 * documents without rewriting it, so only unrestricted keys (tenant and groups {@code *}) may use it; tenant-scoped
 * keys get 403 and use the query and graph endpoints, which filter by their access.
 */
@RestController
public record CypherController(CypherRunner runner) {
    @PostMapping("/api/cypher")
    CypherResponse cypher(@RequestBody CypherRequest request, Caller caller) {
        if (!caller.unrestricted()) {
            throw ApiException.forbidden("/api/cypher is available only to unrestricted API keys (tenant '*'): "
                    + "raw Cypher cannot be confined to one tenant's documents");
        }
        if (request == null) {
            throw ApiException.badRequest("a JSON body {query, parameters} is required");
        }
        return runner.run(request.query(), request.parameters());
    }
}
