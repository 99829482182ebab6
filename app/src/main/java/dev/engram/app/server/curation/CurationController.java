package dev.engram.app.server.curation;

import dev.engram.app.runtime.EngramRuntime;
import dev.engram.app.server.ApiException;
import dev.engram.app.server.security.Caller;
import dev.engram.app.server.security.CallerLabel;
import dev.engram.store.curation.DuplicateFinder;
import dev.engram.store.curation.DuplicatePair;
import dev.engram.store.curation.Edit;
import dev.engram.store.curation.EntityCuration;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Curation of the entity graph: likely duplicates, merge, rename, delete a relation or an entity, the audit list
 * and undo. Entities are shared by every tenant, so every endpoint, reads included, needs a write key for all
 * tenants (tenant {@code *}); any other key is refused before the graph is touched.
 */
@RestController
public class CurationController {
    /** Most pairs or audit entries in one answer. */
    public static final int MAX_LIST = 500;

    private final EntityCuration curation;
    private final DuplicateFinder duplicates;

    CurationController(EngramRuntime runtime) {
        this.curation = new EntityCuration(runtime.store(), runtime.embedder());
        this.duplicates = new DuplicateFinder(runtime.store());
    }

    /** Merge {@code merged} into {@code into}. */
    public record MergeRequest(String into, List<String> merged) {}

    /** Give entity {@code id} the name {@code name}. */
    public record RenameRequest(String id, String name) {}

    /** Delete the relation {@code source —predicate→ target}. */
    public record RelationRequest(String source, String predicate, String target) {}

    /** Delete entity {@code id}. */
    public record EntityRequest(String id) {}

    @GetMapping("/api/curation/duplicates")
    List<DuplicatePair> duplicates(@RequestParam(name = "limit", defaultValue = "50") int limit, Caller caller) {
        requireCurator(caller);
        return duplicates.find(bounded(limit));
    }

    @PostMapping("/api/curation/merge")
    Edit merge(@RequestBody MergeRequest r, Caller caller, HttpServletRequest http) {
        requireCurator(caller);
        return refusing(() -> curation.merge(required(r.into(), "into"), r.merged(), CallerLabel.of(http)));
    }

    @PostMapping("/api/curation/rename")
    Edit rename(@RequestBody RenameRequest r, Caller caller, HttpServletRequest http) {
        requireCurator(caller);
        return refusing(() -> curation.rename(required(r.id(), "id"), r.name(), CallerLabel.of(http)));
    }

    @PostMapping("/api/curation/delete-relation")
    Edit deleteRelation(@RequestBody RelationRequest r, Caller caller, HttpServletRequest http) {
        requireCurator(caller);
        return refusing(() -> curation.deleteRelation(required(r.source(), "source"), required(r.predicate(), "predicate"),
                required(r.target(), "target"), CallerLabel.of(http)));
    }

    @PostMapping("/api/curation/delete-entity")
    Edit deleteEntity(@RequestBody EntityRequest r, Caller caller, HttpServletRequest http) {
        requireCurator(caller);
        return refusing(() -> curation.deleteEntity(required(r.id(), "id"), CallerLabel.of(http)));
    }

    @GetMapping("/api/curation/audit")
    List<Edit> audit(@RequestParam(name = "limit", defaultValue = "50") int limit, Caller caller) {
        requireCurator(caller);
        return curation.audit(bounded(limit));
    }

    @PostMapping("/api/curation/undo")
    Edit undo(Caller caller, HttpServletRequest http) {
        requireCurator(caller);
        return curation.undo(CallerLabel.of(http)).orElseThrow(() -> ApiException.conflict("there is no edit to undo"));
    }

    private static void requireCurator(Caller caller) {
        caller.requireWrite();
        if (!caller.unrestricted()) {
            throw ApiException.forbidden("curation changes entities every tenant shares: it needs a write key for all"
                    + " tenants (tenant *)");
        }
    }

    private static int bounded(int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw ApiException.badRequest("limit must be between 1 and " + MAX_LIST + ", was " + limit);
        }
        return limit;
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank() || value.length() > 1000) {
            throw ApiException.badRequest(name + " must be given (at most 1000 characters)");
        }
        return value;
    }

    private static Edit refusing(java.util.function.Supplier<Edit> edit) {
        try {
            return edit.get();
        } catch (EntityCuration.Refused e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
