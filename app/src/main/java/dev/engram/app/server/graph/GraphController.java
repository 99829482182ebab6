package dev.engram.app.server.graph;

import dev.engram.app.server.ApiException;
import dev.engram.app.server.InputLimits;
import dev.engram.app.server.graph.GraphRecords.ChunkView;
import dev.engram.app.server.graph.GraphRecords.DocumentView;
import dev.engram.app.server.graph.GraphRecords.EntityHit;
import dev.engram.app.server.graph.GraphRecords.GraphPath;
import dev.engram.app.server.graph.GraphRecords.Neighbourhood;
import dev.engram.app.server.security.Caller;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The graph explorer's endpoints: entity search, neighbourhoods, paths, documents and chunks (GraphQueries checks the bounds). */
@RestController
public record GraphController(GraphQueries graph, InputLimits limits) {
    @GetMapping("/api/entities")
    List<EntityHit> entities(@RequestParam("q") String q, @RequestParam(name = "k", defaultValue = "10") int k, Caller caller) {
        return graph.searchEntities(q, k, caller.access());
    }

    @GetMapping("/api/nodes/{id}/neighbourhood")
    Neighbourhood neighbourhood(@PathVariable("id") String id, @RequestParam(name = "limit", defaultValue = "50") int limit, Caller caller) {
        return graph.neighbourhood(id, limit, caller.access());
    }

    @GetMapping("/api/paths")
    List<GraphPath> paths(@RequestParam("from") String from, @RequestParam("to") String to,
                          @RequestParam(name = "maxHops", defaultValue = "3") int maxHops, Caller caller) {
        return graph.paths(from, to, maxHops, caller.access());
    }

    @GetMapping("/api/documents/{id}")
    DocumentView document(@PathVariable("id") String id, Caller caller) {
        return graph.document(id, caller.access());
    }

    @GetMapping("/api/chunks/{id}")
    ChunkView chunk(@PathVariable("id") String id, Caller caller) {
        return graph.chunk(id, caller.access());
    }
}
