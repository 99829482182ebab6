package dev.engram.app.server.jobs;

import dev.engram.app.server.ApiException;
import dev.engram.app.server.security.Caller;
import dev.engram.store.search.AccessFilter;
import java.util.List;

/**
 * The tenant and ACL groups new documents are stamped with. An unrestricted caller may stamp any tenant and
 * groups; a tenant-scoped caller's documents always get its own tenant, and its groups unless it names a subset of
 * them. One rule for every way in (REST upload, MCP ingest tools).
 */
public record IngestStamp(String tenant, List<String> acl) {

    public IngestStamp {
        acl = List.copyOf(acl);
    }

    /** The stamp {@code caller} gets when it asks for {@code tenant} and {@code acl} (both optional). */
    public static IngestStamp resolve(Caller caller, String tenant, List<String> acl) {
        AccessFilter access = caller.access();
        List<String> groups = acl == null ? List.of() : acl.stream().map(String::strip).filter(g -> !g.isEmpty()).toList();
        String stampTenant = tenant == null || tenant.isBlank() ? null : tenant.strip();
        if (!caller.unrestricted()) {
            if (stampTenant != null && !stampTenant.equals(access.tenant())) {
                throw ApiException.forbidden("this API key may ingest only into tenant '" + access.tenant() + "'");
            }
            if (!access.groups().contains(AccessFilter.ANY) && !access.groups().containsAll(groups)) {
                throw ApiException.forbidden("this API key may stamp only its own groups " + access.groups());
            }
            stampTenant = AccessFilter.ANY.equals(access.tenant()) ? stampTenant : access.tenant();
            if (groups.isEmpty()) {
                groups = access.groups().stream().filter(g -> !AccessFilter.ANY.equals(g)).toList();
            }
        }
        if (AccessFilter.ANY.equals(stampTenant) || groups.contains(AccessFilter.ANY)) {
            throw ApiException.badRequest("'*' is a reader's wildcard, not a tenant or group a document can carry");
        }
        return new IngestStamp(stampTenant, groups);
    }
}
