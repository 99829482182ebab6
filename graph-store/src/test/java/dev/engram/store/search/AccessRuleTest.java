package dev.engram.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.store.testing.StoreTestBase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

/**
 * The access rule's two forms agree: for every combination of a stamped tenant and ACL and of a reader's tenant
 * and groups (wildcards included), {@link AccessCypher#readable} in a real Neo4j selects exactly the nodes that
 * {@link AccessFilter#canRead} accepts in memory. The expected table is also pinned for a few cases by hand, so the
 * two forms cannot agree on a wrong rule.
 */
class AccessRuleTest extends StoreTestBase {
    private static final List<String> STAMPED_TENANTS = Arrays.asList(null, "A", "B");
    private static final List<List<String>> STAMPED_ACLS = List.of(List.of(), List.of("g1"), List.of("g2"), List.of("g1", "g2"));
    private static final List<String> READER_TENANTS = Arrays.asList(AccessFilter.ANY, null, "A", "B", "C");
    private static final List<List<String>> READER_GROUPS = List.of(List.of(), List.of(AccessFilter.ANY), List.of("g1"),
            List.of("g2"), List.of("g1", "g2"), List.of("g3"), List.of("g1", AccessFilter.ANY));

    @Test
    void cypherAndInMemoryFormsAgreeOnEveryCombination() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String tenant : STAMPED_TENANTS) {
            for (List<String> acl : STAMPED_ACLS) {
                Map<String, Object> row = new java.util.HashMap<>();
                row.put("key", key(tenant, acl));
                row.put("tenant", tenant);
                row.put("acl", acl);
                rows.add(row);
            }
        }
        try (Session s = store.session()) {
            // a stamp absent (never set) and a stamp present are both covered: null tenants are simply not stored
            s.run("UNWIND $rows AS row CREATE (c:Chunk {id: 'case:' + row.key, key: row.key}) "
                    + "SET c.tenant = row.tenant, c.acl = row.acl", Map.of("rows", rows)).consume();
            s.run("CREATE (:Chunk {id: 'case:no-acl-property', key: 'no-acl-property'})").consume();
        }
        int combinations = 0;
        for (String readerTenant : READER_TENANTS) {
            for (List<String> groups : READER_GROUPS) {
                AccessFilter reader = new AccessFilter(readerTenant, groups);
                TreeSet<String> inMemory = new TreeSet<>();
                for (String tenant : STAMPED_TENANTS) {
                    for (List<String> acl : STAMPED_ACLS) {
                        if (reader.canRead(tenant, acl)) {
                            inMemory.add(key(tenant, acl));
                        }
                    }
                }
                if (reader.canRead(null, null)) {
                    inMemory.add("no-acl-property");
                }
                TreeSet<String> cypher = new TreeSet<>();
                try (Session s = store.session()) {
                    s.run("MATCH (c:Chunk) WHERE c.key IS NOT NULL AND " + AccessCypher.readable("c") + " RETURN c.key AS key",
                            AccessCypher.params(reader)).forEachRemaining(r -> cypher.add(r.get("key").asString()));
                }
                assertThat(cypher).as("reader " + reader).isEqualTo(inMemory);
                combinations++;
            }
        }
        assertThat(combinations).isEqualTo(READER_TENANTS.size() * READER_GROUPS.size());
    }

    @Test
    void theRuleItself() {
        AccessFilter a = new AccessFilter("A", List.of("g1"));
        assertThat(a.canRead(null, List.of())).as("public").isTrue();
        assertThat(a.canRead("A", List.of())).as("own tenant, no ACL").isTrue();
        assertThat(a.canRead("A", List.of("g1", "g2"))).as("shares a group").isTrue();
        assertThat(a.canRead("A", List.of("g2"))).as("no shared group").isFalse();
        assertThat(a.canRead("B", List.of())).as("other tenant").isFalse();
        assertThat(a.canRead(null, List.of("g2"))).as("public but group-restricted").isFalse();
        assertThat(new AccessFilter("A", List.of()).canRead("A", List.of("g1"))).as("no groups: ACL'd hidden").isFalse();
        assertThat(AccessFilter.publicOnly().canRead("A", List.of())).isFalse();
        assertThat(AccessFilter.ALL.canRead("B", List.of("g9"))).isTrue();
        assertThat(new AccessFilter(AccessFilter.ANY, List.of("g1")).canRead("B", List.of("g2"))).isFalse();
    }

    private static String key(String tenant, List<String> acl) {
        return (tenant == null ? "-" : tenant) + ":" + String.join("+", acl);
    }
}
