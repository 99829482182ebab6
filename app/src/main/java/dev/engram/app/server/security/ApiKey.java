package dev.engram.app.server.security;

import dev.engram.store.search.AccessFilter;
import java.util.Arrays;
import java.util.List;

/**
 * One entry of ENGRAM_API_KEYS, {@code key:role[:tenant[:group1|group2]]}. A key with no tenant, or tenant
 * {@code *} and no groups, is unrestricted; a named tenant without groups reads only that tenant's (and public)
 * documents whose ACL is empty, so a forgotten group list never widens access.
 */
public record ApiKey(String key, Caller caller) {

    /** Parses one {@code key:role[:tenant[:groups]]} entry. */
    public static ApiKey parse(String entry) {
        String[] parts = entry.strip().split(":", -1);
        if (parts.length < 2 || parts.length > 4 || parts[0].isBlank()) {
            throw new IllegalArgumentException("ENGRAM_API_KEYS entry '" + mask(parts[0])
                    + "' must look like key:read|write[:tenant[:group1|group2]]");
        }
        Role role = Role.parse(parts[1]);
        String tenant = parts.length > 2 && !parts[2].isBlank() ? parts[2].strip() : AccessFilter.ANY;
        List<String> groups;
        if (parts.length > 3 && !parts[3].isBlank()) {
            groups = Arrays.stream(parts[3].split("\\|")).map(String::strip).filter(g -> !g.isEmpty()).toList();
        } else {
            groups = AccessFilter.ANY.equals(tenant) ? List.of(AccessFilter.ANY) : List.of();
        }
        return new ApiKey(parts[0].strip(), new Caller(role, new AccessFilter(tenant, groups)));
    }

    // error messages must not echo a whole secret into logs
    private static String mask(String key) {
        return key.length() <= 4 ? "****" : key.substring(0, 2) + "…";
    }

    @Override
    public String toString() {
        return "ApiKey[" + mask(key) + ", " + caller + "]";
    }
}
