package dev.engram.ingest;

import dev.engram.store.search.AccessFilter;
import java.util.List;

/**
 * The tenant and ACL groups new documents are stamped with. An unrestricted writer may stamp any tenant and
 * groups; a tenant-scoped writer's documents always get its own tenant, and its groups unless it names a subset of
 * them. One rule for every way in (REST upload, MCP ingest tools, and any other front end).
 */
public record IngestStamp(String tenant, List<String> acl) {

    /** Why a stamp was refused: the writer may not stamp it, or it is no stamp at all. */
    public static final class Refused extends IllegalArgumentException {
        private final boolean forbidden;

        Refused(String message, boolean forbidden) {
            super(message);
            this.forbidden = forbidden;
        }

        /** True when the writer asked for a tenant or groups not its own (else the request itself is malformed). */
        public boolean forbidden() {
            return forbidden;
        }
    }

    public IngestStamp {
        acl = List.copyOf(acl);
    }

    /** The stamp a writer with {@code access} gets when it asks for {@code tenant} and {@code acl} (both optional). */
    public static IngestStamp resolve(AccessFilter access, String tenant, List<String> acl) {
        List<String> groups = acl == null ? List.of() : acl.stream().map(String::strip).filter(g -> !g.isEmpty()).toList();
        String stampTenant = tenant == null || tenant.isBlank() ? null : tenant.strip();
        if (!access.isUnrestricted()) {
            if (stampTenant != null && !stampTenant.equals(access.tenant())) {
                throw new Refused("this API key may ingest only into tenant '" + access.tenant() + "'", true);
            }
            if (!access.groups().contains(AccessFilter.ANY) && !access.groups().containsAll(groups)) {
                throw new Refused("this API key may stamp only its own groups " + access.groups(), true);
            }
            stampTenant = AccessFilter.ANY.equals(access.tenant()) ? stampTenant : access.tenant();
            if (groups.isEmpty()) {
                groups = access.groups().stream().filter(g -> !AccessFilter.ANY.equals(g)).toList();
            }
        }
        if (AccessFilter.ANY.equals(stampTenant) || groups.contains(AccessFilter.ANY)) {
            throw new Refused("'*' is a reader's wildcard, not a tenant or group a document can carry", false);
        }
        return new IngestStamp(stampTenant, groups);
    }
}
