package dev.engram.store.rdf;

import static dev.engram.store.rdf.RdfFixtures.ACME;
import static dev.engram.store.rdf.RdfFixtures.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.store.search.AccessFilter;
import dev.engram.store.testing.StoreTestBase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RdfAccessTest extends StoreTestBase {

    private static final String[] GLOBEX_ONLY = {"globex", "Globex", "hooli", "Hooli", "zeus", "Zeus", "based_in", "based in"};

    @BeforeEach
    void fixture() {
        RdfFixtures.write(store, embedder);
    }

    @Test
    void exportAsOneTenantHoldsNothingOfAnother() {
        for (RdfFormat format : List.of(RdfFormat.TURTLE, RdfFormat.NTRIPLES, RdfFormat.JSONLD)) {
            String acme = new String(RdfFixtures.exportBytes(store, ACME, format), StandardCharsets.UTF_8);
            assertThat(acme).as(format.name()).contains("Acme revenue grew").doesNotContain(GLOBEX_ONLY);
            String globex = new String(RdfFixtures.exportBytes(store, GLOBEX, format), StandardCharsets.UTF_8);
            assertThat(globex).as(format.name()).contains("Globex acquired Hooli").doesNotContain("acme", "Acme", "Initech");
        }
    }

    @Test
    void sharedRelationsShowOnlyReadableProvenance() {
        Graph acme = RdfFixtures.exportGraph(store, ACME);
        Node parisCapital = EngramVocabulary.fact("paris", "capital of", "france");
        // globex-secret#1 also states it, but acme may not learn that through a source or a count
        assertThat(acme.find(parisCapital, EngramVocabulary.SOURCE, Node.ANY).mapWith(t -> t.getObject()).toList())
                .containsExactly(EngramVocabulary.chunk("paris#0"));
        assertThat(acme.contains(EngramVocabulary.document("globex-secret"), Node.ANY, Node.ANY)).isFalse();
        assertThat(acme.contains(EngramVocabulary.entity("globex"), Node.ANY, Node.ANY)).isFalse();
        assertThat(acme.contains(Node.ANY, Node.ANY, EngramVocabulary.entity("project zeus"))).isFalse();

        Graph publicOnly = RdfFixtures.exportGraph(store, AccessFilter.publicOnly());
        assertThat(publicOnly.contains(EngramVocabulary.document("acme-q3"), Node.ANY, Node.ANY)).isFalse();
        assertThat(publicOnly.contains(EngramVocabulary.document("paris"), Node.ANY, Node.ANY)).isTrue();
        // paris is mentioned publicly, but only acme's chunk says acme revenue grew in paris
        assertThat(publicOnly.contains(EngramVocabulary.entity("acme"), Node.ANY, Node.ANY)).isFalse();
    }

    @Test
    void sparqlAsOneTenantSeesNothingOfAnother() {
        SparqlRunner sparql = new SparqlRunner(store);
        SparqlResult labels = sparql.run("""
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?s ?label WHERE { ?s rdfs:label ?label }
                """, ACME, Duration.ofSeconds(30), 1000);
        List<String> names = labels.rows().stream().map(r -> r.get("label").getLiteralLexicalForm()).toList();
        assertThat(names).contains("Acme", "Initech", "Paris").doesNotContain("Globex", "Hooli", "Project Zeus", "based in");

        String secret = "ASK { ?s ?p ?o FILTER(CONTAINS(STR(?o), 'Globex') || CONTAINS(STR(?s), 'globex')) }";
        assertThat(sparql.run(secret, ACME, Duration.ofSeconds(30), 10).answer()).isFalse();
        assertThat(sparql.run(secret, GLOBEX, Duration.ofSeconds(30), 10).answer()).isTrue();
        // the cached view of one reader is never served to another
        assertThat(sparql.run(secret, ACME, Duration.ofSeconds(30), 10).answer()).isFalse();

        SparqlResult count = sparql.run("""
                PREFIX engram: <https://engram.dev/ns#>
                SELECT (COUNT(?src) AS ?n) WHERE { ?st engram:source ?src }
                """, ACME, Duration.ofSeconds(30), 10);
        Map<String, Node> row = count.rows().getFirst();
        assertThat(Integer.parseInt(row.get("n").getLiteralLexicalForm())).isEqualTo(6);
    }
}
