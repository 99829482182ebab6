package dev.engram.app.server.security;

import dev.engram.app.server.ApiException;
import dev.engram.ingest.IngestStamp;
import dev.engram.store.search.AccessFilter;
import java.util.List;

/** Who sent a request: what they may do and what they may read. */
public record Caller(Role role, AccessFilter access) {

    /** The caller of an install without API keys: may do and read everything. */
    public static final Caller OPEN = new Caller(Role.WRITE, AccessFilter.ALL);

    /** Refuses with 403 unless this caller may change the graph. */
    public void requireWrite() {
        if (role != Role.WRITE) {
            throw ApiException.forbidden("this API key is read-only; ingesting and deleting need a write key");
        }
    }

    /**
     * The tenant and groups this caller's new documents get when it asks for {@code tenant} and {@code acl} (both
     * optional), by the ingest module's one rule; a refusal is a 403 (not its own) or a 400 (a wildcard).
     */
    public IngestStamp stamp(String tenant, List<String> acl) {
        try {
            return IngestStamp.resolve(access, tenant, acl);
        } catch (IngestStamp.Refused e) {
            throw e.forbidden() ? ApiException.forbidden(e.getMessage()) : ApiException.badRequest(e.getMessage());
        }
    }

    /** True when this caller sees every tenant and group. */
    public boolean unrestricted() {
        return access.isUnrestricted();
    }

    /**
     * The access filter for a request that may name a tenant and groups itself: an unrestricted caller may narrow
     * its view to them (to see what a tenant sees); a restricted caller gets exactly its own and is refused others.
     */
    public AccessFilter accessFor(String tenant, List<String> groups) {
        if (tenant == null && (groups == null || groups.isEmpty())) {
            return access;
        }
        if (unrestricted()) {
            return new AccessFilter(tenant == null ? AccessFilter.ANY : tenant,
                    groups == null || groups.isEmpty() ? List.of(AccessFilter.ANY) : groups);
        }
        boolean sameTenant = tenant == null || tenant.equals(access.tenant());
        boolean sameGroups = groups == null || groups.isEmpty() || access.groups().containsAll(groups);
        if (!sameTenant || !sameGroups) {
            throw ApiException.forbidden("this API key may read only tenant '" + access.tenant() + "' with groups "
                    + access.groups());
        }
        return groups == null || groups.isEmpty() ? access : new AccessFilter(access.tenant(), groups);
    }
}
