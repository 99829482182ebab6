package dev.engram.app.server.overview;

import dev.engram.app.server.overview.OverviewRecords.Evidence;
import dev.engram.app.server.overview.OverviewRecords.EvidenceRequest;
import dev.engram.app.server.overview.OverviewRecords.Overview;
import dev.engram.app.server.security.Caller;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The explorer's first screen ({@code /api/overview}) and the supporting sentences of facts ({@code /api/evidence}). */
@RestController
public class OverviewController {
    private final OverviewQueries queries;

    OverviewController(OverviewQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/overview")
    Overview overview(@RequestParam(name = "limit", defaultValue = "30") int limit, Caller caller) {
        return queries.overview(limit, caller.access());
    }

    @PostMapping("/api/evidence")
    List<Evidence> evidence(@RequestBody EvidenceRequest request, Caller caller) {
        return queries.evidence(request == null ? null : request.facts(), caller.access());
    }
}
