package dev.engram.store.search;

import java.util.List;

/**
 * Who is reading: a chunk is readable when its tenant is null (public) or equals {@code tenant}, and its ACL
 * is empty or shares a group with {@code groups}. {@link #ALL} reads everything; {@code "*"} as the tenant or
 * as one of the groups is the explicit wildcard, so a forgotten value never widens access. {@link #canRead} is the
 * rule in memory, {@link AccessCypher} the same rule in Cypher; nothing else may restate it.
 */
public record AccessFilter(String tenant, List<String> groups) {

    /** The wildcard tenant or group. */
    public static final String ANY = "*";
    /** No restriction: every chunk is readable (batch jobs, single-user installs). */
    public static final AccessFilter ALL = new AccessFilter(ANY, List.of(ANY));

    public AccessFilter {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** A reader with no tenant and no groups: sees only public, unrestricted chunks. */
    public static AccessFilter publicOnly() {
        return new AccessFilter(null, List.of());
    }

    /** True when this filter hides nothing. */
    public boolean isUnrestricted() {
        return anyTenant() && anyGroup();
    }

    /** The access rule: may this reader read a chunk or document stamped with {@code tenant} and {@code acl}? */
    public boolean canRead(String tenant, List<String> acl) {
        if (tenant != null && !anyTenant() && !tenant.equals(this.tenant)) {
            return false;
        }
        return acl == null || acl.isEmpty() || anyGroup() || acl.stream().anyMatch(groups::contains);
    }

    boolean anyTenant() {
        return ANY.equals(tenant);
    }

    boolean anyGroup() {
        return groups.contains(ANY);
    }
}
