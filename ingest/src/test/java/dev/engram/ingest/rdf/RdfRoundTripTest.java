package dev.engram.ingest.rdf;

import dev.engram.store.rdf.ImportSummary;
import dev.engram.store.rdf.RdfFixtures;
import dev.engram.store.rdf.RdfFormat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.store.search.AccessFilter;
import dev.engram.store.testing.StoreTestBase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

class RdfRoundTripTest extends StoreTestBase {

    @ParameterizedTest
    @EnumSource(value = RdfFormat.class, names = {"TURTLE", "NTRIPLES", "JSONLD"})
    void exportImportExportIsIsomorphic(RdfFormat format) {
        RdfFixtures.write(store, embedder);
        byte[] first = RdfFixtures.exportBytes(store, AccessFilter.ALL, format);
        Graph before = RdfFixtures.parse(first, format);
        assertThat(before.size()).isGreaterThan(100);

        wipe();
        ImportSummary summary = new RdfImporter(store, embedder)
                .importStream(new ByteArrayInputStream(first), format, "export." + format.extension());
        assertThat(summary.documentsWritten()).isEqualTo(4);
        assertThat(summary.chunksWritten()).isEqualTo(7);

        Graph after = RdfFixtures.parse(RdfFixtures.exportBytes(store, AccessFilter.ALL, format), format);
        assertThat(after.isIsomorphicWith(before)).as(diff(before, after)).isTrue();
        assertThat(IsoMatcher.isomorphic(before, after)).isTrue();
    }

    @Test
    void importRestoresTheGraphBehindTheRdf() {
        RdfFixtures.write(store, embedder);
        Map<String, Object> original = snapshot();
        byte[] turtle = RdfFixtures.exportBytes(store, AccessFilter.ALL, RdfFormat.TURTLE);
        wipe();
        new RdfImporter(store, embedder).importStream(new ByteArrayInputStream(turtle), RdfFormat.TURTLE, "export.ttl");

        assertThat(snapshot()).isEqualTo(original);
        assertThat(count("MATCH (c:Chunk) WHERE c.embedding IS NULL RETURN count(c)")).isZero();
        assertThat(count("MATCH (e:Entity) WHERE e.embedding IS NULL RETURN count(e)")).isZero();
        assertThat(count("MATCH ()-[r:RELATION]->() WHERE r.embedding IS NULL RETURN count(r)")).isZero();
        assertThat(count("MATCH (d:Document) WHERE d.sha256 IS NULL RETURN count(d)")).isZero();
        // the ACL came back, so access control still holds after a restore
        assertThat(count("MATCH (c:Chunk {id: 'globex-secret#0'}) WHERE c.tenant = 'globex' AND c.acl = ['finance'] RETURN count(c)"))
                .isOne();
    }

    private static String diff(Graph before, Graph after) {
        StringBuilder s = new StringBuilder("graphs differ;\nonly before:\n");
        before.find().filterDrop(after::contains).forEach(t -> s.append(t).append('\n'));
        s.append("only after:\n");
        after.find().filterDrop(before::contains).forEach(t -> s.append(t).append('\n'));
        return s.toString();
    }

    private static void wipe() {
        try (Session session = store.session()) {
            session.run("MATCH (n) WHERE NOT n:EngramMeta DETACH DELETE n").consume();
        }
        assertThat(count("MATCH (n) WHERE NOT n:EngramMeta RETURN count(n)")).isZero();
    }

    /** What the graph holds, ids and properties that an import must restore (not derived ones such as times). */
    private static Map<String, Object> snapshot() {
        try (Session session = store.session()) {
            return Map.of(
                    "documents", session.run("MATCH (d:Document) RETURN d.id, d.title, d.source, d.tenant, d.acl, d.year, d.lang, d.meta_title ORDER BY d.id")
                            .list(r -> r.values().toString()),
                    "chunks", session.run("MATCH (c:Chunk)-[:PART_OF]->(d) RETURN c.id, d.id, c.index, c.text, c.tokenCount, c.start, c.end, c.tenant, c.acl ORDER BY c.id")
                            .list(r -> r.values().toString()),
                    "next", session.run("MATCH (a)-[:NEXT]->(b) RETURN a.id + '>' + b.id AS x ORDER BY x").list(r -> r.get(0).asString()),
                    "first", session.run("MATCH (d)-[:FIRST]->(c) RETURN d.id + '>' + c.id AS x ORDER BY x").list(r -> r.get(0).asString()),
                    "entities", session.run("MATCH (e:Entity) RETURN e.id, e.name, e.chunkCount ORDER BY e.id").list(r -> r.values().toString()),
                    "mentions", session.run("MATCH (c)-[:MENTIONS]->(e) RETURN c.id + '>' + e.id AS x ORDER BY x").list(r -> r.get(0).asString()),
                    "relations", session.run("""
                            MATCH (s)-[r:RELATION]->(o)
                            RETURN s.id, r.predicate, o.id, COLLECT { UNWIND r.chunkIds AS c RETURN c ORDER BY c }, r.weight
                            ORDER BY s.id, r.predicate, o.id
                            """)
                            .list(r -> r.values().toString()));
        }
    }
}
