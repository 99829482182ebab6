package dev.engram.app.server.sparql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.app.server.DocumentUpload;
import dev.engram.app.server.JobPoll;
import dev.engram.app.server.ServerTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.http.auth.AuthEnv;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.apache.jena.sparql.exec.http.QuerySendMode;
import org.apache.jena.sparql.exec.http.UpdateExecHTTP;
import org.apache.jena.sparql.exec.http.UpdateSendMode;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code /sparql}, the SPARQL 1.1 Protocol endpoint, driven by clients this project did not write: Jena's remote
 * query client ({@link QueryExecHTTP}, {@link RDFConnectionRemote}) in every result syntax and send mode, and the
 * npm package {@code sparql-http-client} run by Node. Over real HTTP, a real embedded Neo4j and the real ONNX
 * embedder, with API keys for two tenants; a corpus per tenant is uploaded through the API once.
 */
@TestPropertySource(properties = {
        "engram.sparql.timeout=3s",
        "engram.sparql.max-rows=5000",
        "engram.sparql.max-query-bytes=4096",
        "engram.api-keys=admin-key:write:*,reader-a:read:tenantA,reader-b:read:tenantB"})
class SparqlProtocolTest extends ServerTestBase {
    static final String TENANT_A = """
            {"id": "a1", "title": "Zorblax Corporation", "text": "Zorblax Corporation was founded by Mira Tanaka in 1987. Zorblax Corporation builds submarine cables."}
            {"id": "a2", "title": "Mira Tanaka", "text": "Mira Tanaka is an engineer. Mira Tanaka studied physics at Kyoto University."}
            """;
    static final String TENANT_B = """
            {"id": "b1", "title": "Velmora Institute", "text": "Velmora Institute was founded by Oskar Brandt in 1952. Velmora Institute studies deep sea fungi."}
            {"id": "b2", "title": "Oskar Brandt", "text": "Oskar Brandt is a biologist. Oskar Brandt directed the Velmora Institute for thirty years."}
            """;
    static final List<String> TITLES_A = List.of("Mira Tanaka", "Zorblax Corporation");
    static final List<String> ALL_TITLES = List.of("Mira Tanaka", "Oskar Brandt", "Velmora Institute", "Zorblax Corporation");

    static final String PREFIXES = """
            PREFIX engram: <https://engram.dev/ns#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            """;
    static final String TITLES = PREFIXES + "SELECT ?title WHERE { ?d a engram:Document ; dcterms:title ?title } ORDER BY ?title";
    static final String ASK_ZORBLAX = PREFIXES + "ASK { ?d dcterms:title \"Zorblax Corporation\" }";
    static final String CONSTRUCT_TITLES = PREFIXES
            + "CONSTRUCT { ?d dcterms:title ?t } WHERE { ?d a engram:Document ; dcterms:title ?t }";
    static final Node TITLE = NodeFactory.createURI("http://purl.org/dc/terms/title");

    String endpoint() {
        return "http://localhost:" + port + "/sparql";
    }

    @BeforeAll
    void ingestCorpus() throws Exception {
        for (String[] upload : new String[][] {{"tenant-a.jsonl", TENANT_A, "tenantA"}, {"tenant-b.jsonl", TENANT_B, "tenantB"}}) {
            Reply r = upload(upload[0], upload[1], upload[2]);
            assertThat(r.status()).as(r.text()).isEqualTo(202);
            JsonNode status = awaitJob(json.readTree(r.text()).get("id").asText());
            assertThat(status.get("state").asText()).as(status.toString()).isEqualTo("SUCCEEDED");
        }
    }

    @AfterAll
    void forgetTokens() {
        AuthEnv.get().clearAuthEnv();
    }

    // ---- Jena's remote client ----

    @Test
    void jenaSelectsInEveryResultFormatAndSendMode() {
        for (String accept : List.of("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                "text/tab-separated-values")) {
            for (QuerySendMode mode : List.of(QuerySendMode.asGetAlways, QuerySendMode.asPostForm, QuerySendMode.asPost)) {
                try (QueryExec exec = jena(ADMIN).query(TITLES).sendMode(mode).acceptHeader(accept).build()) {
                    RowSet rows = exec.select();
                    assertThat(rows.getResultVars()).extracting(v -> v.getVarName()).containsExactly("title");
                    List<String> titles = new ArrayList<>();
                    rows.forEachRemaining(b -> titles.add(b.get("title").getLiteralLexicalForm()));
                    assertThat(titles).as(accept + " sent " + mode).containsExactlyElementsOf(ALL_TITLES);
                }
            }
        }
    }

    @Test
    void jenaAsksInEveryResultFormat() throws Exception {
        for (String accept : List.of("application/sparql-results+json", "application/sparql-results+xml", "text/csv")) {
            try (QueryExec yes = jena(READER_A).query(ASK_ZORBLAX).acceptHeader(accept).build();
                 QueryExec no = jena(READER_A).query(PREFIXES + "ASK { ?d dcterms:title \"Velmora Institute\" }")
                         .acceptHeader(accept).build()) {
                assertThat(yes.ask()).as(accept).isTrue();
                assertThat(no.ask()).as(accept + ": tenant B's document is not tenant A's to see").isFalse();
            }
        }
        // TSV has no boolean form Jena (or anyone) reads back, so it is not offered for ASK
        Reply tsv = send(get("/sparql?query=" + enc(ASK_ZORBLAX), READER_A).header("Accept", "text/tab-separated-values").build());
        assertThat(tsv.status()).as(tsv.text()).isEqualTo(406);
        assertThat(tsv.text()).contains("text/csv");
    }

    @Test
    void jenaConstructsAndDescribesInEveryRdfFormat() {
        Graph reference = null;
        for (String accept : List.of("text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml")) {
            try (QueryExec exec = jena(ADMIN).query(CONSTRUCT_TITLES).acceptHeader(accept).build()) {
                Graph graph = exec.construct();
                assertThat(graph.find(Node.ANY, TITLE, Node.ANY).mapWith(t -> t.getObject().getLiteralLexicalForm())
                        .toSet()).as(accept).containsExactlyInAnyOrderElementsOf(ALL_TITLES);
                if (reference == null) {
                    reference = graph;
                } else {
                    assertThat(graph.isIsomorphicWith(reference)).as(accept + " carries the same graph as Turtle").isTrue();
                }
            }
        }
        String doc = "https://engram.dev/id/document/a1";
        try (QueryExec exec = jena(ADMIN).query("DESCRIBE <" + doc + ">").acceptHeader("application/n-triples").build()) {
            Graph described = exec.describe();
            assertThat(described.contains(NodeFactory.createURI(doc), TITLE,
                    NodeFactory.createLiteralString("Zorblax Corporation"))).as(described.toString()).isTrue();
        }
    }

    @Test
    void rdfConnectionWithABearerTokenSeesOnlyItsTenant() {
        // a different host name for the same server, so this token applies to these requests only
        String service = "http://127.0.0.1:" + port + "/sparql";
        AuthEnv.get().setBearerToken(service, READER_A);
        try (RDFConnection conn = RDFConnectionRemote.service(service).queryOnly().build()) {
            List<String> titles = new ArrayList<>();
            conn.querySelect(TITLES, row -> titles.add(row.getLiteral("title").getString()));
            assertThat(titles).containsExactlyElementsOf(TITLES_A);
            assertThat(conn.queryAsk(ASK_ZORBLAX)).isTrue();
            assertThat(conn.queryConstruct(CONSTRUCT_TITLES).listObjectsOfProperty(
                    org.apache.jena.rdf.model.ResourceFactory.createProperty(TITLE.getURI())).mapWith(n -> n.asLiteral()
                    .getString()).toSet()).containsExactlyInAnyOrderElementsOf(TITLES_A);
            try (QueryExecution qe = conn.query(TITLES)) {
                ResultSet rs = qe.execSelect();
                assertThat(rs.getResultVars()).containsExactly("title");
            }
        }
    }

    // ---- tenancy and keys ----

    @Test
    void aTenantKeySeesOnlyItsTenantThroughSparql() throws Exception {
        String mentionsB = "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(CONTAINS(STR(?o), \"Velmora\") "
                + "|| CONTAINS(STR(?o), \"Oskar\") || CONTAINS(STR(?o), \"tenantB\")) }";
        assertThat(selectCount(ADMIN, mentionsB)).as("B's triples exist, so the checks below are not vacuous").isPositive();
        assertThat(selectCount(READER_A, mentionsB)).isZero();
        assertThat(titles(READER_A)).containsExactlyElementsOf(TITLES_A);
        assertThat(titles(READER_B)).containsExactly("Oskar Brandt", "Velmora Institute");
        try (QueryExec exec = jena(READER_B).query(ASK_ZORBLAX).build()) {
            assertThat(exec.ask()).isFalse();
        }
        // a CONSTRUCT of everything a tenant key sees names nothing of the other tenant
        String everything = send(get("/sparql?query=" + enc("CONSTRUCT WHERE { ?s ?p ?o }"), READER_A)
                .header("Accept", "application/n-triples").build()).text();
        assertThat(everything).contains("Zorblax").doesNotContain("Velmora", "Oskar", "tenantB");
        // ways to name a graph are refused rather than answered from some other graph
        assertThat(send(get("/sparql?query=" + enc(TITLES) + "&default-graph-uri=" + enc("urn:tenantB"), READER_A).build())
                .status()).isEqualTo(400);
        assertThat(send(get("/sparql?query=" + enc(TITLES) + "&named-graph-uri=" + enc("urn:tenantB"), READER_A).build())
                .status()).isEqualTo(400);

        for (String key : new String[] {null, "not-a-key"}) {
            Reply r = send(get("/sparql?query=" + enc(TITLES), key).build());
            assertThat(r.status()).as("key " + key).isEqualTo(401);
            assertThat(r.text()).doesNotContain("Zorblax");
            assertThat(send(get("/sparql", key).build()).status()).as("service description, key " + key).isEqualTo(401);
            assertThat(send(form("update=" + enc("CLEAR ALL"), key)).status()).isEqualTo(401);
        }
        assertThatThrownBy(() -> {
            try (QueryExec exec = QueryExecHTTP.service(endpoint()).query(TITLES).build()) {
                exec.select().materialize();
            }
        }).isInstanceOfSatisfying(QueryExceptionHTTP.class, e -> assertThat(e.getStatusCode()).isEqualTo(401));
    }

    // ---- updates ----

    @Test
    void updatesAreRefusedAndTheGraphIsUnchanged() throws Exception {
        Fingerprint before = fingerprint();
        String insert = "INSERT DATA { <https://engram.dev/id/entity/intruder> <http://www.w3.org/2000/01/rdf-schema#label> \"intruder\" }";
        List<String> updates = List.of(insert, "DELETE WHERE { ?s ?p ?o }", "CLEAR ALL", "DROP DEFAULT",
                "LOAD <http://127.0.0.1:9/data.ttl>");
        for (String update : updates) {
            for (Reply r : List.of(
                    send(form("update=" + enc(update), ADMIN)),
                    send(post("/sparql", ADMIN).header("Content-Type", "application/sparql-update")
                            .POST(HttpRequest.BodyPublishers.ofString(update)).build()),
                    send(get("/sparql?update=" + enc(update), ADMIN).build()),
                    send(form("query=" + enc(update), ADMIN)),
                    send(get("/sparql?query=" + enc(update), ADMIN).build()))) {
                assertThat(r.status()).as(update + " -> " + r.text()).isEqualTo(403);
                assertThat(r.text()).contains("read-only");
            }
        }
        // and through Jena's own update client, both ways it sends
        for (UpdateSendMode mode : UpdateSendMode.values()) {
            assertThatThrownBy(() -> UpdateExecHTTP.service(endpoint()).update(insert).sendMode(mode)
                    .httpHeader("Authorization", "Bearer " + ADMIN).build().execute())
                    .as(mode.toString()).isInstanceOfSatisfying(HttpException.class,
                            e -> assertThat(e.getStatusCode()).isEqualTo(403));
        }
        Fingerprint after = fingerprint();
        assertThat(after.nodes()).isEqualTo(before.nodes());
        assertThat(after.relationships()).isEqualTo(before.relationships());
        assertThat(after.rdf().size()).isEqualTo(before.rdf().size());
        assertThat(after.rdf().isIsomorphicWith(before.rdf())).as("the RDF view is unchanged").isTrue();
        assertThat(titles(ADMIN)).doesNotContain("intruder").containsExactlyElementsOf(ALL_TITLES);
    }

    @Test
    void theRowCapCutsAnswersAndSaysSo() throws Exception {
        String pairs = "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f }"; // the view squared: far more than 5,000 rows
        HttpResponse<String> cut = http.send(get("/sparql?query=" + enc(pairs), READER_A)
                .header("Accept", "text/tab-separated-values").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cut.statusCode()).isEqualTo(200);
        assertThat(cut.body().lines().count()).as("a header line and the 5,000 rows of the cap").isEqualTo(5001);
        assertThat(cut.headers().firstValue(SparqlProtocolController.TRUNCATED_HEADER)).hasValue("true");
        HttpResponse<String> whole = http.send(get("/sparql?query=" + enc(pairs + " LIMIT 10"), READER_A)
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(whole.body().lines().count()).isEqualTo(11);
        assertThat(whole.headers().firstValue(SparqlProtocolController.TRUNCATED_HEADER)).isEmpty();
        HttpResponse<String> graph = http.send(get("/sparql?query=" + enc("CONSTRUCT { ?a <urn:x> ?d } WHERE { ?a ?b ?c . ?d ?e ?f }"),
                READER_A).header("Accept", "application/n-triples").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(graph.body().lines().count()).as("graphs are capped too").isPositive().isLessThanOrEqualTo(5000);
        assertThat(graph.headers().firstValue(SparqlProtocolController.TRUNCATED_HEADER)).hasValue("true");
    }

    // ---- bad input ----

    @Test
    void badInputGetsA4xxWithAMessageNeverA500() throws Exception {
        Reply malformed = send(get("/sparql?query=" + enc("SELECT ?x WHERE { ?x ?y"), ADMIN).build());
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text()).contains("invalid SPARQL", "line 1");
        assertThat(send(form("query=" + enc("SELEKT * WHERE { }"), ADMIN)).status()).isEqualTo(400);
        assertThat(send(form("query=", ADMIN)).status()).isEqualTo(400);
        assertThat(send(form("query=%ZZ", ADMIN)).status()).isEqualTo(400);
        assertThat(rawGetStatus("/sparql?query=%ZZ", ADMIN)).as("java.net.URI will not send this; a socket does").isEqualTo(400);
        assertThat(send(form("nothing=here", ADMIN)).status()).isEqualTo(400);
        assertThat(send(get("/sparql?query=" + enc(TITLES) + "&query=" + enc(TITLES), ADMIN).build()).status()).isEqualTo(400);
        assertThat(send(get("/sparql?query=" + enc(PREFIXES + "SELECT * FROM <urn:g> WHERE { ?s ?p ?o }"), ADMIN).build())
                .status()).isEqualTo(400);

        // content negotiation: a result the client cannot take is 406, with the syntaxes it could have had
        Reply png = send(get("/sparql?query=" + enc(TITLES), ADMIN).header("Accept", "image/png").build());
        assertThat(png.status()).isEqualTo(406);
        assertThat(png.text()).contains("application/sparql-results+json", "text/csv");
        assertThat(send(get("/sparql?query=" + enc(TITLES), ADMIN).header("Accept", "text/turtle").build()).status())
                .isEqualTo(406);
        assertThat(send(get("/sparql?query=" + enc(CONSTRUCT_TITLES), ADMIN)
                .header("Accept", "application/sparql-results+json").build()).status()).isEqualTo(406);
        assertThat(send(get("/sparql?query=" + enc(TITLES), ADMIN)
                .header("Accept", "application/sparql-results+json;q=0, */*;q=0").build()).status()).isEqualTo(406);
        assertThat(send(get("/sparql?query=" + enc(TITLES), ADMIN).header("Accept", "text/csv;q=0.9, text/tab-separated-values").build())
                .contentType()).startsWith("text/tab-separated-values");
        assertThat(send(get("/sparql?query=" + enc(TITLES), ADMIN).header("Accept", "*/*").build()).contentType())
                .startsWith("application/sparql-results+json");

        Reply text = send(post("/sparql", ADMIN).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(TITLES)).build());
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.text()).contains("application/sparql-query");
        assertThat(send(post("/sparql", ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"ASK {}\"}")).build()).status()).isEqualTo(415);
        assertThat(send(HttpRequest.newBuilder(URI.create(endpoint())).header("Authorization", "Bearer " + ADMIN)
                .DELETE().build()).status()).isEqualTo(405);

        // the query text has a size limit (4096 bytes here), however it is sent
        String big = "ASK { }\n#" + "x".repeat(5000);
        for (Reply r : List.of(send(get("/sparql?query=" + enc(big), ADMIN).build()), send(form("query=" + enc(big), ADMIN)),
                send(post("/sparql", ADMIN).header("Content-Type", "application/sparql-query")
                        .POST(HttpRequest.BodyPublishers.ofString(big)).build()),
                send(post("/api/sparql", ADMIN).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", big)))).build()))) {
            assertThat(r.status()).as(r.text()).isEqualTo(413);
            assertThat(r.text()).contains("4096 bytes");
        }
        // a body far over the limit is refused from its length, unread
        byte[] huge = ("ASK {}\n#" + "x".repeat(3_000_000)).getBytes(StandardCharsets.UTF_8);
        assertThat(send(post("/sparql", ADMIN).header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build()).status()).isEqualTo(413);
        assertThat(send(post("/sparql", ADMIN).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build()).status()).isEqualTo(413);

        // a query over its time is stopped: 504 with the setting to change
        String slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
        Reply timeout = send(form("query=" + enc(slow), ADMIN));
        assertThat(timeout.status()).as(timeout.text()).isEqualTo(504);
        assertThat(timeout.text()).contains("engram.sparql.timeout");
    }

    @Test
    void serviceIsRefusedAndReachesNoNetwork() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer remote = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        remote.createContext("/", exchange -> {
            hits.incrementAndGet();
            byte[] body = "{\"head\":{\"vars\":[\"s\"]},\"results\":{\"bindings\":[]}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/sparql-results+json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        remote.start();
        try {
            String url = "<http://127.0.0.1:" + remote.getAddress().getPort() + "/sparql>";
            for (String query : List.of("SELECT * WHERE { SERVICE " + url + " { ?s ?p ?o } }",
                    "SELECT * WHERE { ?s ?p ?o FILTER NOT EXISTS { SERVICE SILENT " + url + " { ?s ?p ?o } } }",
                    "CONSTRUCT { ?s ?p ?o } WHERE { { SELECT * WHERE { SERVICE " + url + " { ?s ?p ?o } } } }")) {
                Reply r = send(form("query=" + enc(query), ADMIN));
                assertThat(r.status()).as(query + " -> " + r.text()).isEqualTo(400);
                assertThat(r.text()).contains("SERVICE is not allowed");
            }
            assertThatThrownBy(() -> {
                try (QueryExec exec = jena(ADMIN).query("SELECT * WHERE { SERVICE " + url + " { ?s ?p ?o } }").build()) {
                    exec.select().materialize();
                }
            }).isInstanceOfSatisfying(QueryExceptionHTTP.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
            assertThat(hits).as("requests that reached the loopback endpoint").hasValue(0);
            // the stand-in endpoint does answer, so the zero above is not a dead port
            assertThat(http.send(HttpRequest.newBuilder(URI.create(url.substring(1, url.length() - 1))).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(hits).hasValue(1);
        } finally {
            remote.stop(0);
        }
    }

    // ---- service description ----

    @Test
    void getWithoutAQueryDescribesTheService() throws Exception {
        Node sd = NodeFactory.createURI(ServiceDescription.SD + "Service");
        for (String[] negotiated : new String[][] {{null, "text/turtle"}, {"application/ld+json", "application/ld+json"},
                {"application/rdf+xml", "application/rdf+xml"}, {"application/n-triples", "application/n-triples"}}) {
            HttpRequest.Builder b = get("/sparql", READER_A);
            if (negotiated[0] != null) {
                b.header("Accept", negotiated[0]);
            }
            Reply r = send(b.build());
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(r.contentType()).startsWith(negotiated[1]);
            Graph g = RDFParser.fromString(r.text(), org.apache.jena.riot.RDFLanguages.contentTypeToLang(negotiated[1])).toGraph();
            Triple service = g.find(Node.ANY, RDF.type.asNode(), sd).next();
            Node subject = service.getSubject();
            assertThat(g.contains(subject, NodeFactory.createURI(ServiceDescription.SD + "endpoint"),
                    NodeFactory.createURI(endpoint()))).as(r.text()).isTrue();
            assertThat(g.contains(subject, NodeFactory.createURI(ServiceDescription.SD + "supportedLanguage"),
                    NodeFactory.createURI(ServiceDescription.SD + "SPARQL11Query"))).isTrue();
            assertThat(g.contains(subject, NodeFactory.createURI(ServiceDescription.SD + "supportedLanguage"),
                    NodeFactory.createURI(ServiceDescription.SD + "SPARQL11Update"))).as("no Update").isFalse();
            assertThat(g.find(subject, NodeFactory.createURI(ServiceDescription.SD + "resultFormat"), Node.ANY).toList())
                    .hasSize(8);
        }
        assertThat(send(get("/sparql", READER_A).header("Accept", "application/sparql-results+json").build()).status())
                .isEqualTo(406);
    }

    // ---- an npm client ----

    @Test
    void sparqlHttpClientFromNpmQueriesAsATenant() throws Exception {
        Assumptions.assumeTrue(onPath("node"), "Node.js is not installed (no `node` on the PATH): skipping the npm "
                + "sparql-http-client test");
        Path dir = Path.of("target", "sparql-client").toAbsolutePath();
        Files.createDirectories(dir);
        for (String file : List.of("package.json", "package-lock.json", "client.mjs")) {
            try (InputStream in = getClass().getResourceAsStream("/sparql-client/" + file)) {
                assertThat(in).as(file).isNotNull();
                Files.copy(in, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!Files.isDirectory(dir.resolve("node_modules/sparql-http-client"))) {
            run(dir, Duration.ofMinutes(5), "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund");
        }
        String out = run(dir, Duration.ofMinutes(2), "node", "client.mjs", endpoint(), READER_A);
        JsonNode result = json.readTree(out.lines().reduce((a, b) -> b).orElseThrow());
        assertThat(result.get("update").get("status")).as(out).isNotNull();
        for (String operation : List.of("get", "postUrlencoded", "postDirect")) {
            JsonNode r = result.get(operation);
            assertThat(json.convertValue(r.get("select"), List.class)).as(operation).isEqualTo(TITLES_A);
            assertThat(r.get("ask").asBoolean()).as(operation).isTrue();
            TreeSet<String> objects = new TreeSet<>();
            r.get("construct").forEach(t -> {
                assertThat(t.get(1).asText()).isEqualTo(TITLE.getURI());
                objects.add(t.get(2).asText());
            });
            assertThat(objects).as(operation).containsExactlyElementsOf(TITLES_A);
        }
        assertThat(result.get("update").get("accepted").asBoolean()).isFalse();
        assertThat(result.get("update").get("status").asInt()).isEqualTo(403);
        assertThat(result.get("malformed").get("status").asInt()).isEqualTo(400);
    }

    // ---- helpers ----

    record Reply(int status, String contentType, String text) {}

    record Fingerprint(long nodes, long relationships, Graph rdf) {}

    /** Jena's query client with the key as a bearer header, as a Jena user sets one per request. */
    private QueryExecHTTPBuilder jena(String key) {
        return QueryExecHTTP.service(endpoint()).httpHeader("Authorization", "Bearer " + key).timeout(30, TimeUnit.SECONDS);
    }

    private List<String> titles(String key) {
        try (QueryExec exec = jena(key).query(TITLES).build()) {
            List<String> titles = new ArrayList<>();
            exec.select().forEachRemaining((Binding b) -> titles.add(b.get("title").getLiteralLexicalForm()));
            return titles;
        }
    }

    private long selectCount(String key, String query) {
        try (QueryExec exec = jena(key).query(query).build()) {
            return org.apache.jena.sparql.exec.RowSetOps.count(exec.select());
        }
    }

    private Fingerprint fingerprint() throws Exception {
        Reply counts = send(post("/api/cypher", ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query",
                        "CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } "
                                + "RETURN nodes, rels")))).build());
        assertThat(counts.status()).as(counts.text()).isEqualTo(200);
        JsonNode row = json.readTree(counts.text()).get("rows").get(0);
        HttpResponse<String> all = http.send(get("/sparql?query=" + enc("CONSTRUCT WHERE { ?s ?p ?o }"), ADMIN)
                .header("Accept", "application/n-triples").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue(SparqlProtocolController.TRUNCATED_HEADER)).as("the whole view fits").isEmpty();
        Graph rdf = RDFParser.fromString(all.body(), Lang.NTRIPLES).toGraph();
        assertThat(rdf.size()).isPositive();
        return new Fingerprint(row.get(0).asLong(), row.get(1).asLong(), rdf);
    }

    /** The status of a GET written byte by byte, for request lines an HTTP client library refuses to send. */
    private int rawGetStatus(String target, String key) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static boolean onPath(String command) {
        try {
            return new ProcessBuilder(command, "--version").redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String run(Path dir, Duration timeout, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        // read while it runs, so a chatty process never blocks on a full pipe
        var output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (InputStream in = p.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeout);
        }
        String out = output.get(30, TimeUnit.SECONDS);
        assertThat(p.exitValue()).as(String.join(" ", command) + " printed:\n" + out).isZero();
        return out;
    }

    private JsonNode awaitJob(String id) throws Exception {
        // generous bound only against a hung job
        return new JobPoll(job -> json.readTree(send(get("/api/jobs/" + job, ADMIN).build()).text()), 600,
                Duration.ofMillis(500)).ended(id);
    }

    private Reply upload(String fileName, String content, String tenant) throws Exception {
        return send(DocumentUpload.ofText(tenant, Map.of(fileName, content)).postedBy(post("/api/documents", ADMIN))
                .build());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder get(String path, String key) {
        return request(path, key).GET();
    }

    private HttpRequest.Builder post(String path, String key) {
        return request(path, key);
    }

    private HttpRequest form(String body, String key) {
        return request("/sparql", key).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest.Builder request(String path, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        return key == null ? b : b.header("Authorization", "Bearer " + key);
    }

    private Reply send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }
}
