package dev.engram.app.server.graph;

import dev.engram.store.search.AccessFilter;
import java.util.HashMap;
import java.util.Map;

/**
 * The Cypher form of an {@link AccessFilter} for the explorer's queries, with the same meaning as the searches':
 * a chunk or document is readable when its tenant is null or the reader's, and its ACL is empty or shares a group.
 * (The store's own helper is package-private there.)
 */
public final class Readable {
    private Readable() {}

    /** A predicate over node variable {@code v} (a Chunk or Document) using {@link #params}. */
    public static String node(String v) {
        return "(($anyTenant OR " + v + ".tenant IS NULL OR " + v + ".tenant = $tenant) AND ($anyGroup OR "
                + v + ".acl IS NULL OR size(" + v + ".acl) = 0 OR any(g IN " + v + ".acl WHERE g IN $groups)))";
    }

    /** True when some readable chunk mentions entity variable {@code e}. */
    public static String entity(String e) {
        return "($unrestricted OR EXISTS { MATCH (rc:Chunk)-[:MENTIONS]->(" + e + ") WHERE " + node("rc") + " })";
    }

    /** True when relation variable {@code r} has provenance in a readable chunk. */
    public static String relation(String r) {
        return "($unrestricted OR EXISTS { MATCH (pc:Chunk) WHERE pc.id IN " + r + ".chunkIds AND " + node("pc") + " })";
    }

    /** The parameters the predicates use. */
    public static Map<String, Object> params(AccessFilter filter) {
        Map<String, Object> params = new HashMap<>();
        params.put("anyTenant", AccessFilter.ANY.equals(filter.tenant()));
        params.put("anyGroup", filter.groups().contains(AccessFilter.ANY));
        params.put("tenant", filter.tenant());
        params.put("groups", filter.groups());
        params.put("unrestricted", filter.isUnrestricted());
        return params;
    }
}
