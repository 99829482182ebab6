package dev.engram.app.server.community;

import dev.engram.app.runtime.EngramRuntime;
import dev.engram.app.server.ApiException;
import dev.engram.app.server.security.Caller;
import dev.engram.retrieval.global.CommunityView;
import dev.engram.store.community.CitedLine;
import dev.engram.store.community.CommunityRecord;
import dev.engram.store.projection.GraphProjection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The communities the caller may see (the stored ones for an unrestricted caller, ones built from its readable
 * documents otherwise): {@code GET /api/communities?level=0} lists a level, {@code GET /api/communities/{id}} opens
 * one with its member entities, summary and cited evidence.
 */
@RestController
public record CommunitiesController(EngramRuntime runtime) {
    private static final int MAX_MEMBERS = 200;

    /** A community in a list. */
    public record CommunitySummary(String id, int level, String parentId, int size, int documentCount, String title,
                                   List<String> keywords) {}

    /** A level of the hierarchy. */
    public record CommunityLevel(int level, int levels, List<CommunitySummary> communities) {}

    /** A member entity. */
    public record Member(String id, String name) {}

    /** One community opened. */
    public record CommunityDetail(String id, int level, String parentId, int size, int chunkCount, int documentCount,
                                  String title, List<String> keywords, String summary, String report,
                                  List<CitedLine> facts, List<CitedLine> sentences, List<Member> entities,
                                  List<CommunitySummary> children) {}

    @GetMapping("/api/communities")
    CommunityLevel level(@RequestParam(name = "level", defaultValue = "0") int level, Caller caller) {
        if (level < 0 || level > 8) throw ApiException.badRequest("level must be between 0 and 8, was " + level);
        CommunityView view = runtime.communityViews().view(caller.access());
        return new CommunityLevel(level, view.levels(), view.level(level).stream().map(CommunitiesController::brief)
                .toList());
    }

    @GetMapping("/api/communities/{id}")
    CommunityDetail community(@PathVariable("id") String id, Caller caller) {
        if (id.length() > 100) throw ApiException.badRequest("community id too long");
        CommunityView view = runtime.communityViews().view(caller.access());
        CommunityRecord c = view.community(id).orElseThrow(() -> ApiException.notFound("no community " + id));
        GraphProjection p = runtime.projections().engine(caller.access()).projection();
        List<Member> members = new ArrayList<>();
        for (String entityId : c.entityIds()) {
            if (members.size() >= MAX_MEMBERS) break;
            int node = p.node(entityId);
            members.add(new Member(entityId, node >= 0 ? p.entityName(node) : entityId));
        }
        List<CommunitySummary> children = view.communities().stream().filter(x -> id.equals(x.parentId()))
                .map(CommunitiesController::brief).toList();
        return new CommunityDetail(c.id(), c.level(), c.parentId(), c.size(), c.chunkCount(), c.documentCount(),
                c.title(), c.keywords(), c.summary(), c.report(), c.facts(), c.sentences(), members, children);
    }

    @PostMapping("/api/communities/membership")
    Map<String, String> membership(@RequestParam(name = "level", defaultValue = "0") int level,
                                   @RequestBody List<String> entityIds, Caller caller) {
        if (level < 0 || level > 8) throw ApiException.badRequest("level must be between 0 and 8, was " + level);
        if (entityIds == null || entityIds.size() > 5000) throw ApiException.badRequest("give 1 to 5000 entity ids");
        Map<String, String> all = runtime.communityViews().view(caller.access()).membership(level);
        Map<String, String> out = new HashMap<>();
        for (String id : entityIds) {
            String c = id == null ? null : all.get(id);
            if (c != null) out.put(id, c);
        }
        return out;
    }

    private static CommunitySummary brief(CommunityRecord c) {
        return new CommunitySummary(c.id(), c.level(), c.parentId(), c.size(), c.documentCount(), c.title(),
                c.keywords());
    }
}
