package dev.engram.store.search;

import java.util.HashMap;
import java.util.Map;

/** The Cypher form of an {@link AccessFilter}, one definition shared by every search. */
public final class AccessCypher {

    private AccessCypher() {}

    /** A predicate over chunk variable {@code c} using parameters from {@link #params}. */
    public static String readable(String c) {
        return "(($anyTenant OR " + c + ".tenant IS NULL OR " + c + ".tenant = $tenant) AND ($anyGroup OR "
                + c + ".acl IS NULL OR size(" + c + ".acl) = 0 OR any(g IN " + c + ".acl WHERE g IN $groups)))";
    }

    /** The parameters {@link #readable} refers to. */
    public static Map<String, Object> params(AccessFilter filter) {
        Map<String, Object> params = new HashMap<>();
        params.put("anyTenant", filter.anyTenant());
        params.put("anyGroup", filter.anyGroup());
        params.put("tenant", filter.tenant());
        params.put("groups", filter.groups());
        return params;
    }
}
