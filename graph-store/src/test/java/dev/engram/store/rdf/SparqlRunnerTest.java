package dev.engram.store.rdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.store.search.AccessFilter;
import dev.engram.store.testing.StoreTestBase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import com.sun.net.httpserver.HttpServer;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SparqlRunnerTest extends StoreTestBase {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String PREFIXES = """
            PREFIX engram: <https://engram.dev/ns#>
            PREFIX rel: <https://engram.dev/rel/>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            """;

    private SparqlRunner sparql;

    @BeforeEach
    void fixture() {
        RdfFixtures.write(store, embedder);
        sparql = new SparqlRunner(store);
    }

    @Test
    void selectFindsFactsWithTheirSourceText() {
        SparqlResult result = sparql.run(PREFIXES + """
                SELECT ?capital ?text WHERE {
                  ?c rel:capital_of ?country . ?country rdfs:label "France" . ?c rdfs:label ?capital .
                  ?st rdf:subject ?c ; rdf:predicate rel:capital_of ; rdf:object ?country ; engram:source ?chunk .
                  ?chunk engram:text ?text
                } ORDER BY ?capital ?text""", AccessFilter.ALL, TIMEOUT, 100);
        assertThat(result.kind()).isEqualTo(SparqlResult.Kind.SELECT);
        assertThat(result.variables()).containsExactly("capital", "text");
        assertThat(result.rows()).extracting(r -> r.get("capital").getLiteralLexicalForm() + " | " + r.get("text").getLiteralLexicalForm())
                .containsExactly("Paris | Paris is the capital of France.", "Paris | Project Zeus is capital of France.",
                        "Project Zeus | Project Zeus is capital of France.");
        assertThat(result.truncated()).isFalse();
    }

    @Test
    void rowCapTruncatesAndSaysSo() {
        SparqlResult result = sparql.run("SELECT * WHERE { ?s ?p ?o }", AccessFilter.ALL, TIMEOUT, 5);
        assertThat(result.rows()).hasSize(5);
        assertThat(result.truncated()).isTrue();
        assertThat(sparql.run("SELECT * WHERE { ?s ?p ?o } LIMIT 3", AccessFilter.ALL, TIMEOUT, 5).truncated()).isFalse();
        SparqlResult graph = sparql.run("CONSTRUCT WHERE { ?s ?p ?o }", AccessFilter.ALL, TIMEOUT, 7);
        assertThat(graph.triples()).hasSize(7);
        assertThat(graph.truncated()).isTrue();
    }

    @Test
    void askAndConstructAnswer() {
        assertThat(sparql.run(PREFIXES + "ASK { ?s rel:flows_through ?o }", AccessFilter.ALL, TIMEOUT, 10).answer()).isTrue();
        assertThat(sparql.run(PREFIXES + "ASK { ?s rel:orbits ?o }", AccessFilter.ALL, TIMEOUT, 10).answer()).isFalse();
        SparqlResult graph = sparql.run(PREFIXES + """
                CONSTRUCT { ?s rel:capital_of ?o } WHERE { ?s rel:capital_of ?o }""", AccessFilter.ALL, TIMEOUT, 100);
        assertThat(graph.kind()).isEqualTo(SparqlResult.Kind.CONSTRUCT);
        assertThat(graph.triples()).extracting(t -> t.getSubject()).contains(EngramVocabulary.entity("berlin"));

        ByteArrayOutputStream turtle = new ByteArrayOutputStream();
        SparqlResultWriter.write(graph, SparqlResultWriter.Format.TTL, turtle);
        assertThat(turtle.toString(StandardCharsets.UTF_8)).contains("rel:capital_of");
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        SparqlResultWriter.write(sparql.run("SELECT ?s WHERE { ?s a <https://engram.dev/ns#Document> } ORDER BY ?s",
                AccessFilter.ALL, TIMEOUT, 2), SparqlResultWriter.Format.JSON, json);
        assertThat(json.toString(StandardCharsets.UTF_8)).contains("\"bindings\"", "https://engram.dev/id/document/acme-q3");
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        SparqlResultWriter.write(sparql.run("SELECT ?s WHERE { ?s a <https://engram.dev/ns#Document> } ORDER BY ?s",
                AccessFilter.ALL, TIMEOUT, 2), SparqlResultWriter.Format.TABLE, table);
        assertThat(table.toString(StandardCharsets.UTF_8)).contains("doc:acme-q3", "(truncated at 2 rows)");
    }

    @Test
    void updatesAreRefusedAndBadQueriesExplained() {
        assertThatThrownBy(() -> sparql.run("INSERT DATA { <urn:a> <urn:b> <urn:c> }", AccessFilter.ALL, TIMEOUT, 10))
                .isInstanceOfSatisfying(SparqlQueryException.class,
                        e -> assertThat(e.reason()).isEqualTo(SparqlQueryException.Reason.READ_ONLY))
                .hasMessageContaining("read-only");
        assertThatThrownBy(() -> sparql.run("DELETE WHERE { ?s ?p ?o }", AccessFilter.ALL, TIMEOUT, 10))
                .hasMessageContaining("read-only");
        assertThatThrownBy(() -> sparql.run("SELEKT ?s WHERE { ?s ?p ?o }", AccessFilter.ALL, TIMEOUT, 10))
                .isInstanceOfSatisfying(SparqlQueryException.class,
                        e -> assertThat(e.reason()).isEqualTo(SparqlQueryException.Reason.INVALID));
    }

    @Test
    void nothingReachesOutsideTheView() throws Exception {
        // a real endpoint on loopback counts every request, so a SERVICE call that slipped through would show
        AtomicInteger hits = new AtomicInteger();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext("/", exchange -> {
            hits.incrementAndGet();
            byte[] empty = "{\"head\":{\"vars\":[]},\"results\":{\"bindings\":[{}]}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/sparql-results+json");
            exchange.sendResponseHeaders(200, empty.length);
            exchange.getResponseBody().write(empty);
            exchange.close();
        });
        endpoint.start();
        try {
            String url = "<http://127.0.0.1:" + endpoint.getAddress().getPort() + "/sparql>";
            for (String query : List.of(
                    "SELECT * WHERE { SERVICE " + url + " { ?s ?p ?o } }",
                    "SELECT * WHERE { SERVICE SILENT " + url + " { ?s ?p ?o } }",
                    "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE " + url + " { ?s ?p ?o } } }",
                    "SELECT * WHERE { { SELECT ?s WHERE { SERVICE " + url + " { ?s ?p ?o } } } }",
                    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } HAVING (EXISTS { SERVICE " + url + " { } })",
                    "SELECT ?s WHERE { ?s ?p ?o } ORDER BY (EXISTS { SERVICE " + url + " { } })",
                    "SELECT (SUM(IF(EXISTS { SERVICE " + url + " { } }, 1, 0)) AS ?n) WHERE { ?s ?p ?o }",
                    "ASK { BIND(NOT EXISTS { SERVICE " + url + " { } } AS ?b) }",
                    "CONSTRUCT { ?s ?p ?o } WHERE { OPTIONAL { SERVICE " + url + " { ?s ?p ?o } } }",
                    "DESCRIBE ?s WHERE { SERVICE " + url + " { ?s ?p ?o } }",
                    "SELECT * FROM " + url + " WHERE { ?s ?p ?o }",
                    "SELECT * FROM NAMED " + url + " WHERE { GRAPH ?g { ?s ?p ?o } }",
                    "SELECT (<java:org.apache.jena.sparql.function.library.sha1sum>(\"x\") AS ?h) WHERE { }",
                    "SELECT * WHERE { ?s <java:org.apache.jena.sparql.pfunction.library.strSplit> (\"a b\" \" \") }")) {
                assertThatThrownBy(() -> sparql.run(query, AccessFilter.ALL, TIMEOUT, 10)).as(query)
                        .isInstanceOfSatisfying(SparqlQueryException.class,
                                e -> assertThat(e.reason()).isEqualTo(SparqlQueryException.Reason.NOT_ALLOWED))
                        .hasMessageContaining("not");
            }
            assertThat(hits).as("requests that reached the loopback endpoint").hasValue(0);
            // the endpoint answers, so the zero above is not a dead port: a plain request does reach it
            HttpURLConnection probe = (HttpURLConnection) URI.create(url.substring(1, url.length() - 1)).toURL().openConnection();
            assertThat(probe.getResponseCode()).isEqualTo(200);
            assertThat(hits).hasValue(1);
        } finally {
            endpoint.stop(0);
        }
    }

    @Test
    void theViewFollowsTheGraph() {
        String ask = PREFIXES + "ASK { ?s rel:orbits ?o }";
        assertThat(sparql.run(ask, AccessFilter.ALL, TIMEOUT, 10).answer()).isFalse();
        new dev.engram.store.lexical.DocumentWriter(store).write(java.util.List.of(
                dev.engram.store.testing.Docs.doc("moon", "Moon", "The Moon orbits the Earth.")));
        dev.engram.store.testing.Knowledge.write(store, embedder, java.util.List.of(
                dev.engram.store.testing.Knowledge.chunk("moon#0", dev.engram.store.testing.Knowledge.facts(
                        dev.engram.store.testing.Knowledge.t("Moon", "orbits", "Earth")))));
        assertThat(sparql.run(ask, AccessFilter.ALL, TIMEOUT, 10).answer()).isTrue();
        Node moon = EngramVocabulary.entity("moon");
        assertThat(sparql.run("SELECT ?o WHERE { <" + moon.getURI() + "> ?p ?o }", AccessFilter.ALL, TIMEOUT, 10).rows())
                .isNotEmpty();
    }
}
