package dev.engram.store.lexical;

import static dev.engram.store.testing.Docs.doc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.store.search.AccessFilter;
import dev.engram.store.testing.StoreTestBase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

/**
 * A document belongs to exactly one tenant (or to the public corpus): no write under another tenant through the
 * writer replaces, takes over or adds knowledge to it (the ingest module's {@code IngestOwnershipTest} attacks
 * through the pipeline and an RDF import). Every attack checks the graph is unchanged afterwards.
 */
public class DocumentOwnershipTest extends StoreTestBase {

    private final DocumentWriter writer = new DocumentWriter(store);

    private void seedTenantA() {
        writer.write(List.of(doc("secret.md", "Secret", "tenantA", List.of(), "The vault code is 1234.",
                "Only tenant A may know it.")));
        writer.markComplete(List.of("secret.md"));
    }

    @Test
    void anotherTenantCannotReplaceOrTakeOverADocument() {
        seedTenantA();
        String before = fingerprint();

        LexicalWriteSummary summary = writer.write(List.of(doc("secret.md", "Pwned", "tenantB", List.of(), "B was here.")));
        writer.markComplete(List.of("secret.md"));

        assertThat(summary.refused()).containsExactly("secret.md");
        assertThat(summary.documentsWritten()).isZero();
        assertThat(fingerprint()).as("the graph is unchanged").isEqualTo(before);
        assertThat(count("MATCH (d:Document {id: 'secret.md', tenant: 'tenantA', title: 'Secret'}) RETURN count(d)")).isEqualTo(1);
    }

    @Test
    void thePublicCorpusAndTenantsCannotTakeEachOthersDocuments() {
        writer.write(List.of(doc("public.md", "Public", "Everyone may read this.")));
        writer.markComplete(List.of("public.md"));
        seedTenantA();
        String before = fingerprint();

        // a tenant cannot take over a public document, and an unscoped (public) write cannot take a tenant's
        assertThat(writer.write(List.of(doc("public.md", "Mine", "tenantB", List.of(), "Now B's."))).refused())
                .containsExactly("public.md");
        assertThat(writer.write(List.of(doc("secret.md", "Public now", "Leaked to everyone."))).refused())
                .containsExactly("secret.md");
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void theOwnerReingestsIdempotentlyAndMayChangeItsDocument() {
        seedTenantA();
        String before = fingerprint();
        DocumentRecord same = doc("secret.md", "Secret", "tenantA", List.of(), "The vault code is 1234.",
                "Only tenant A may know it.");
        assertThat(writer.write(List.of(same))).isEqualTo(new LexicalWriteSummary(0, 1, 0, 0));
        assertThat(fingerprint()).isEqualTo(before);

        LexicalWriteSummary changed = writer.write(List.of(doc("secret.md", "Secret", "tenantA", List.of("ops"), "New code 9876.")));
        assertThat(changed.refused()).isEmpty();
        assertThat(changed.documentsReplaced()).isEqualTo(1);
        assertThat(count("MATCH (c:Chunk {documentId: 'secret.md'}) RETURN count(c)")).isEqualTo(1);
    }

    @Test
    void oneBatchWritesItsOwnDocumentsAndRefusesOnlyTheForeignOnes() {
        seedTenantA();
        LexicalWriteSummary summary = writer.write(List.of(doc("b-notes.md", "B notes", "tenantB", List.of(), "B's own."),
                doc("secret.md", "Pwned", "tenantB", List.of(), "B was here.")));
        assertThat(summary.refused()).containsExactly("secret.md");
        assertThat(summary.documentsWritten()).isEqualTo(1);
        assertThat(count("MATCH (d:Document {id: 'b-notes.md', tenant: 'tenantB'}) RETURN count(d)")).isEqualTo(1);
        assertThat(count("MATCH (c:Chunk {documentId: 'secret.md'}) WHERE c.tenant = 'tenantA' RETURN count(c)")).isEqualTo(2);
    }

    /** Every node and relationship with its labels or type and properties (embeddings as their hash), hashed. */
    public static String fingerprint() {
        return fingerprintOf("MATCH (n) WHERE NOT n:EngramMeta RETURN n")
                + "/" + fingerprintOf("MATCH (a)-[r]->(b) RETURN a.id + ' ' + type(r) + ' ' + b.id AS key, r");
    }

    private static String fingerprintOf(String query) {
        List<String> lines = new ArrayList<>();
        try (Session s = store.session()) {
            s.run(query).forEachRemaining(r -> lines.add(r.values().stream().map(v -> {
                Object o = v.asObject();
                if (o instanceof org.neo4j.driver.types.Entity e) {
                    Map<String, Object> props = new java.util.TreeMap<>(e.asMap());
                    props.replaceAll((k, val) -> k.contains("embedding") ? String.valueOf(val).hashCode() : val);
                    String kind = e instanceof org.neo4j.driver.types.Node n ? String.valueOf(n.labels())
                            : ((org.neo4j.driver.types.Relationship) e).type();
                    return kind + props;
                }
                return String.valueOf(o);
            }).reduce("", (a, b) -> a + "|" + b)));
        }
        lines.sort(null);
        try {
            return lines.size() + ":" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
