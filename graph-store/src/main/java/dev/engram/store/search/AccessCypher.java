package dev.engram.store.search;

import java.util.HashMap;
import java.util.Map;

/**
 * The Cypher form of the access rule, {@link AccessFilter#canRead}: the one definition every search, the explorer's
 * queries, exports and document management use. {@code AccessRuleTest} proves it agrees with the in-memory form on
 * every combination of tenant and groups.
 */
public final class AccessCypher {

    private AccessCypher() {}

    /** A predicate over a Chunk, Section or Document variable {@code c} using parameters from {@link #params}. */
    public static String readable(String c) {
        return "(($anyTenant OR " + c + ".tenant IS NULL OR " + c + ".tenant = $tenant) AND ($anyGroup OR "
                + c + ".acl IS NULL OR size(" + c + ".acl) = 0 OR any(g IN " + c + ".acl WHERE g IN $groups)))";
    }

    /** True when some readable chunk mentions entity variable {@code e}. */
    public static String entity(String e) {
        return "($unrestricted OR EXISTS { MATCH (rc:Chunk)-[:MENTIONS]->(" + e + ") WHERE " + readable("rc") + " })";
    }

    /** True when relation variable {@code r} has provenance ({@code chunkIds}) in a readable chunk. */
    public static String relation(String r) {
        return "($unrestricted OR EXISTS { MATCH (pc:Chunk) WHERE pc.id IN " + r + ".chunkIds AND " + readable("pc") + " })";
    }

    /** The parameters the predicates refer to. */
    public static Map<String, Object> params(AccessFilter filter) {
        Map<String, Object> params = new HashMap<>();
        params.put("anyTenant", filter.anyTenant());
        params.put("anyGroup", filter.anyGroup());
        params.put("tenant", filter.tenant());
        params.put("groups", filter.groups());
        params.put("unrestricted", filter.isUnrestricted());
        return params;
    }
}
