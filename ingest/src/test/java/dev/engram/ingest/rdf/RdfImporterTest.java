package dev.engram.ingest.rdf;

import dev.engram.store.rdf.ImportSummary;
import dev.engram.store.rdf.RdfFixtures;
import dev.engram.store.rdf.RdfFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.store.testing.StoreTestBase;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

class RdfImporterTest extends StoreTestBase {

    @TempDir
    Path temp;

    @Test
    void linkedDataBecomesEntitiesRelationsAndMentionedChunks() throws Exception {
        ImportSummary summary = new RdfImporter(store, embedder).importFile(fixture());
        assertThat(summary.triplesRead()).isBetween(20L, 60L);
        assertThat(summary.documentsWritten()).isOne();

        assertThat(relation("ada lovelace", "birth place", "london")).isOne();
        assertThat(relation("ada lovelace", "birth date", "1815 12 10")).isOne();
        assertThat(relation("ada lovelace", "known for", "analytical engine")).isOne();
        assertThat(relation("ada lovelace", "is a", "person")).isOne();
        assertThat(relation("charles babbage", "alma mater", "trinity college cambridge")).isOne();
        assertThat(relation("lord byron", "occupation", "poet")).isOne();
        assertThat(relation("alan turing", "death place", "wilmslow")).isOne();
        assertThat(relation("analytical engine", "designer", "charles babbage")).isOne();
        assertThat(count("MATCH (e:Entity {id: 'london'}) WHERE e.name = 'London' RETURN count(e)")).isOne();
        assertThat(count("MATCH (e:Entity {id: 'lord byron'}) RETURN count(e)")).isOne();
        // labels name things; they are not facts of their own
        assertThat(count("MATCH ()-[r:RELATION]->() WHERE r.predicate IN ['label', 'name'] RETURN count(r)")).isZero();

        // every relation cites a chunk that exists, mentions both ends and verbalises the subject
        assertThat(count("""
                MATCH (s:Entity)-[r:RELATION]->(o:Entity) UNWIND r.chunkIds AS id
                OPTIONAL MATCH (c:Chunk {id: id})-[:MENTIONS]->(s), (c)-[:MENTIONS]->(o)
                WITH c WHERE c IS NULL RETURN count(*)""")).isZero();
        assertThat(count("MATCH ()-[r:RELATION]->() RETURN count(r)")).isGreaterThan(20);
        try (Session session = store.session()) {
            String ada = session.run("""
                    MATCH (c:Chunk)-[:PART_OF]->(:Document {id: 'rdf:scientists.ttl'})
                    WHERE c.text STARTS WITH 'Ada Lovelace:' RETURN c.text""").single().get(0).asString();
            assertThat(ada).contains("birth place London", "known for Analytical Engine", "birth date 1815-12-10");
        }
        assertThat(count("MATCH (c:Chunk) WHERE c.embedding IS NULL RETURN count(c)")).isZero();
        assertThat(count("MATCH (e:Entity) WHERE e.embedding IS NULL RETURN count(e)")).isZero();
        assertThat(count("MATCH (e:Entity {id: 'london'}) RETURN e.chunkCount")).isGreaterThanOrEqualTo(4);
        assertThat(embedder.embeddedTexts()).anyMatch(t -> t.startsWith("Ada Lovelace: "));
    }

    @Test
    void importingTheSameFileAgainChangesNothing() throws Exception {
        RdfImporter importer = new RdfImporter(store, embedder);
        importer.importFile(fixture());
        Map<String, Long> before = counts();
        ImportSummary again = importer.importFile(fixture());
        assertThat(again.documentsUnchanged()).isOne();
        assertThat(again.documentsWritten()).isZero();
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void readsNTriplesRdfXmlAndJsonLdByExtension() throws Exception {
        Files.writeString(temp.resolve("a.nt"), """
                <http://example.org/Marie_Curie> <http://example.org/birthPlace> <http://example.org/Warsaw> .
                """);
        Files.writeString(temp.resolve("b.rdf"), """
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
                  <rdf:Description rdf:about="http://example.org/Pierre_Curie"><ex:spouse rdf:resource="http://example.org/Marie_Curie"/></rdf:Description>
                </rdf:RDF>
                """);
        Files.writeString(temp.resolve("c.jsonld"), """
                {"@id": "http://example.org/Warsaw", "http://example.org/countryName": "Poland"}
                """);
        RdfImporter importer = new RdfImporter(store, embedder);
        for (String file : List.of("a.nt", "b.rdf", "c.jsonld")) {
            importer.importFile(temp.resolve(file));
        }
        assertThat(relation("marie curie", "birth place", "warsaw")).isOne();
        assertThat(relation("pierre curie", "spouse", "marie curie")).isOne();
        assertThat(relation("warsaw", "country name", "poland")).isOne();
        assertThatThrownBy(() -> importer.importFile(temp.resolve("d.csv"))).hasMessageContaining("unknown RDF format");
    }

    private static long relation(String s, String p, String o) {
        return count("MATCH (:Entity {id: $s})-[r:RELATION {predicate: $p}]->(:Entity {id: $o}) RETURN count(r)",
                Map.of("s", s, "p", p, "o", o));
    }

    private static Map<String, Long> counts() {
        return Map.of("nodes", count("MATCH (n) RETURN count(n)"), "rels", count("MATCH ()-[r]->() RETURN count(r)"));
    }

    private static Path fixture() throws URISyntaxException {
        return Path.of(RdfImporterTest.class.getResource("/rdf/scientists.ttl").toURI());
    }
}
