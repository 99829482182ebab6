package dev.engram.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import dev.engram.store.jobs.JobCounters;
import dev.engram.store.jobs.JobKind;
import dev.engram.store.jobs.JobParameters;
import dev.engram.store.jobs.JobRecord;
import dev.engram.store.jobs.JobState;
import dev.engram.store.jobs.JobStore;
import dev.engram.store.jobs.RunnerIdentity;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.TestPropertySource;

/**
 * The server over real HTTP, a real embedded Neo4j and the real ONNX embedder. One server and one tiny corpus
 * (two tenants, uploaded through the API) serve every test, so tests only read, except one that deletes its own
 * document.
 */
@TestPropertySource(properties = {
        "engram.cypher.timeout=2s",
        "engram.cypher.max-rows=50",
        "engram.api-keys=admin-key:write:*,reader-a:read:tenantA,writer-a:write:tenantA,reader-b:read:tenantB"})
class ServerApiTest extends ServerTestBase {
    static final String TENANT_A = """
            {"id": "a1", "title": "Zorblax Corporation", "text": "Zorblax Corporation was founded by Mira Tanaka in 1987. Zorblax Corporation builds submarine cables."}
            {"id": "a2", "title": "Mira Tanaka", "text": "Mira Tanaka is an engineer. Mira Tanaka studied physics at Kyoto University."}
            {"id": "a3", "title": "Lisbon", "text": "Lisbon hosts the European office of Zorblax Corporation. Lisbon is the capital of Portugal."}
            {"id": "a4", "title": "Tomato soup", "text": "Tomato soup is made from tomatoes, onions and basil. The soup is served hot."}
            """;
    static final String TENANT_B = """
            {"id": "b1", "title": "Velmora Institute", "text": "Velmora Institute was founded by Oskar Brandt in 1952. Velmora Institute studies deep sea fungi."}
            {"id": "b2", "title": "Oskar Brandt", "text": "Oskar Brandt is a biologist. Oskar Brandt directed the Velmora Institute for thirty years."}
            {"id": "b3", "title": "Lisbon", "text": "Lisbon hosts the archive of the Velmora Institute. Lisbon lies on the Tagus river."}
            """;

    /** Files the tests write: the sync root and uploads (the server's own data directory is ServerTestBase's). */
    static final Path SCRATCH;

    static {
        try {
            SCRATCH = Files.createTempDirectory("engram-server-files");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // 600 tries 0.5 s apart: generous, only against a hung job; the expected path finishes in seconds
    private final JobPoll jobs = new JobPoll(id -> get("/api/jobs/" + id, ADMIN).body(), 600, Duration.ofMillis(500));

    @DynamicPropertySource
    static void syncRoot(DynamicPropertyRegistry registry) {
        registry.add("engram.sync.root", () -> SCRATCH.resolve("sync").toString());
    }

    @BeforeAll
    void ingestCorpus() throws Exception {
        List<String> jobs = new ArrayList<>();
        for (Reply r : List.of(upload(ADMIN, "tenant-a.jsonl", TENANT_A, "tenantA"),
                upload(ADMIN, "tenant-b.jsonl", TENANT_B, "tenantB"))) {
            assertThat(r.status()).as(r.text()).isEqualTo(202);
            jobs.add(r.body().get("id").asText());
        }
        for (String job : jobs) {
            JsonNode status = awaitJob(job);
            assertThat(status.get("state").asText()).as(status.toString()).isEqualTo("SUCCEEDED");
            assertThat(status.get("errors")).isEmpty();
        }
    }

    // ---- query ----

    @Test
    void queryReturnsCitedPassages() throws Exception {
        Reply r = post("/api/query", ADMIN, Map.of("question", "Who founded Zorblax Corporation?", "mode", "graphrag", "topK", 3));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode passages = r.body().get("passages");
        assertThat(passages).isNotEmpty();
        assertThat(passages.get(0).get("citation").asInt()).isEqualTo(1);
        assertThat(documentIds(passages)).contains("a1");
        assertThat(r.body().get("context").asText()).contains("[1]");
        assertThat(r.body().get("timingsMillis")).isNotNull();
        assertThat(r.body().get("answer").isNull()).as("no LLM is configured").isTrue();
    }

    @Test
    void saysSoWhenTheCorpusDoesNotHoldTheAnswer() throws Exception {
        Reply held = post("/api/query", ADMIN, Map.of("question", "Who founded Zorblax Corporation?", "topK", 3));
        assertThat(held.body().get("covered").asBoolean()).as(held.text()).isTrue();
        assertThat(held.body().get("note").isNull()).isTrue();
        assertThat(held.body().get("passages").get(0).get("grade").asText()).isEqualTo("relevant");

        // tenant A's documents say nothing of the Velmora Institute (tenant B's)
        Reply foreign = post("/api/query", READER_A, Map.of("question", "Who founded the Velmora Institute?", "topK", 4));
        assertThat(foreign.body().get("covered").asBoolean()).as(foreign.text()).isFalse();
        assertThat(foreign.body().get("note").asText()).contains("does not seem to hold the answer");
        JsonNode passages = foreign.body().get("passages");
        assertThat(passages).as("the passages are still returned, graded").isNotEmpty();
        for (JsonNode p : passages) {
            assertThat(p.get("grade").asText()).isIn("weak", "irrelevant");
            // an irrelevant passage is kept out of the context, so it has no citation
            assertThat(p.get("citation").isNull()).isEqualTo(p.get("grade").asText().equals("irrelevant"));
        }
        Reply chat = post("/v1/chat/completions", READER_A, Map.of("model", "engram-graphrag",
                "messages", List.of(Map.of("role", "user", "content", "Who founded the Velmora Institute?"))));
        assertThat(chat.body().get("covered").asBoolean()).isFalse();
        assertThat(chat.body().get("choices").get(0).get("message").get("content").asText())
                .startsWith("This corpus does not seem to hold the answer");
    }

    @Test
    void everyModeAnswers() throws Exception {
        for (String mode : List.of("dense", "bm25", "hybrid", "ppr")) {
            Reply r = post("/api/query", ADMIN, Map.of("question", "What does Zorblax Corporation build?", "mode", mode));
            assertThat(r.status()).as(mode + ": " + r.text()).isEqualTo(200);
        }
    }

    @Test
    void communitiesAndGlobalAnswersShowNothingOfAnotherTenant() throws Exception {
        List<String> tenantB = List.of("velmora", "oskar", "brandt", "fungi", "tagus", "biologist");
        // the unrestricted caller sees both tenants' communities, so the checks below can fail
        String everything = allCommunities(ADMIN).toLowerCase(java.util.Locale.ROOT);
        assertThat(everything).contains("zorblax").contains("velmora");

        String seenByA = allCommunities(READER_A).toLowerCase(java.util.Locale.ROOT);
        assertThat(seenByA).contains("zorblax");
        Reply global = post("/api/query", READER_A, Map.of("question", "What are the main topics of this collection?",
                "mode", "global", "topK", 10));
        assertThat(global.status()).as(global.text()).isEqualTo(200);
        assertThat(global.body().get("themes")).isNotEmpty();
        assertThat(documentIds(global.body().get("passages"))).isNotEmpty().allMatch(d -> d.startsWith("a"));
        Reply chat = post("/v1/chat/completions", READER_A, Map.of("model", "engram-global",
                "messages", List.of(Map.of("role", "user", "content", "What are the main topics?"))));
        assertThat(chat.status()).as(chat.text()).isEqualTo(200);
        Reply membership = post("/api/communities/membership?level=0", READER_A,
                List.of("velmora institute", "oskar brandt", "zorblax corporation"));
        assertThat(membership.status()).as(membership.text()).isEqualTo(200);
        for (String shown : List.of(seenByA, global.text().toLowerCase(java.util.Locale.ROOT),
                chat.text().toLowerCase(java.util.Locale.ROOT), membership.text().toLowerCase(java.util.Locale.ROOT))) {
            for (String hidden : tenantB) {
                assertThat(shown).as("tenant A sees '%s'", hidden).doesNotContain(hidden);
            }
        }
        // and the other way round
        String seenByB = allCommunities(READER_B).toLowerCase(java.util.Locale.ROOT);
        assertThat(seenByB).contains("velmora").doesNotContain("zorblax").doesNotContain("tanaka");
        assertThat(get("/api/communities?level=99", READER_A).status()).isEqualTo(400);
    }

    /** Every level, and every community opened, as one text. */
    private String allCommunities(String key) throws Exception {
        StringBuilder all = new StringBuilder();
        Reply first = get("/api/communities?level=0", key);
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        int levels = first.body().get("levels").asInt();
        for (int level = 0; level < levels; level++) {
            Reply r = get("/api/communities?level=" + level, key);
            all.append(r.text());
            for (JsonNode c : r.body().get("communities")) {
                Reply detail = get("/api/communities/" + c.get("id").asText(), key);
                assertThat(detail.status()).as(detail.text()).isEqualTo(200);
                all.append(detail.text());
            }
        }
        return all.toString();
    }

    @Test
    void malformedBodiesGet400WithAMessage() throws Exception {
        Reply broken = send(request("/api/query", ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\": ")).build());
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body().get("message").asText()).contains("malformed");

        Reply empty = post("/api/query", ADMIN, Map.of("question", "  "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("message").asText()).contains("question");

        Reply mode = post("/api/query", ADMIN, Map.of("question", "Lisbon?", "mode", "telepathy"));
        assertThat(mode.status()).isEqualTo(400);
        assertThat(mode.body().get("message").asText()).contains("unknown mode");

        Reply cypher = send(request("/api/cypher", ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[1, 2")).build());
        assertThat(cypher.status()).isEqualTo(400);
        assertThat(cypher.body().get("message").asText()).isNotBlank();
    }

    @Test
    void queryStreamSendsPassagesThenDone() throws Exception {
        List<Event> events = stream(ADMIN, Map.of("question", "Who founded Zorblax Corporation?", "topK", 3));
        assertThat(events).extracting(Event::name).as("no LLM: no deltas").containsExactly("passages", "done");
        JsonNode passages = events.get(0).data().get("passages");
        assertThat(passages.get(0).get("citation").asInt()).isEqualTo(1);
        assertThat(documentIds(passages)).contains("a1");
        assertThat(events.get(0).data().get("timingsMillis")).isNotNull();
        assertThat(events.get(1).data().get("answer").isNull()).isTrue();

        // the caller's access filters the stream as it does /api/query
        List<Event> scoped = stream(READER_A, Map.of("question", "Who founded the Velmora Institute?", "topK", 10));
        // (tenant A's documents are a1-a4 and those other tests upload for it, such as report.pdf; B's are b1-b3)
        assertThat(documentIds(scoped.get(0).data().get("passages"))).isNotEmpty().noneMatch(id -> id.startsWith("b"));

        Reply blank = post("/api/query/stream", ADMIN, Map.of("question", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body().get("message").asText()).contains("question");
        assertThat(post("/api/query/stream", READER_A, Map.of("question", "Velmora", "tenant", "tenantB")).status())
                .isEqualTo(403);
        // an SSE client asks for text/event-stream, yet a refusal still comes back as a JSON error
        Reply sseBlank = send(request("/api/query/stream", ADMIN).header("Content-Type", "application/json")
                .header("Accept", "text/event-stream").POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"\"}")).build());
        assertThat(sseBlank.status()).as(sseBlank.text()).isEqualTo(400);
    }

    // ---- sparql ----

    static final String PREFIXES = """
            PREFIX engram: <https://engram.dev/ns#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            """;

    @Test
    void sparqlSelectAskAndConstruct() throws Exception {
        Reply select = post("/api/sparql", ADMIN, Map.of("query", PREFIXES
                + "SELECT ?title WHERE { ?d a engram:Document ; dcterms:title ?title } ORDER BY ?title"));
        assertThat(select.status()).as(select.text()).isEqualTo(200);
        assertThat(select.body().get("kind").asText()).isEqualTo("SELECT");
        assertThat(select.body().get("columns").get(0).asText()).isEqualTo("title");
        assertThat(select.body().get("rows").findValuesAsText("value")).contains("Zorblax Corporation", "Velmora Institute");
        assertThat(select.body().get("rows").get(0).get(0).get("type").asText()).isEqualTo("literal");

        Reply ask = post("/api/sparql", READER_A, Map.of("query", PREFIXES
                + "ASK { ?d dcterms:title \"Zorblax Corporation\" }"));
        assertThat(ask.status()).as(ask.text()).isEqualTo(200);
        assertThat(ask.body().get("answer").asBoolean()).isTrue();

        String construct = PREFIXES + "CONSTRUCT { ?d dcterms:title ?t } WHERE { ?d dcterms:title ?t }";
        Reply triples = post("/api/sparql", ADMIN, Map.of("query", construct));
        assertThat(triples.status()).as(triples.text()).isEqualTo(200);
        assertThat(triples.body().get("triples").get(0).get("predicate").get("value").asText())
                .isEqualTo("http://purl.org/dc/terms/title");
        Reply turtle = post("/api/sparql", ADMIN, Map.of("query", construct, "format", "turtle"));
        assertThat(turtle.body().get("turtle").asText()).contains("dcterms:title");
    }

    @Test
    void sparqlUpdatesAndBadQueriesAreRefused() throws Exception {
        for (String update : List.of("INSERT DATA { <urn:x> <urn:y> <urn:z> }", "DELETE WHERE { ?s ?p ?o }",
                "CLEAR ALL")) {
            Reply r = post("/api/sparql", ADMIN, Map.of("query", update));
            assertThat(r.status()).as(update + " -> " + r.text()).isBetween(400, 499);
            assertThat(r.body().get("message").asText()).contains("read-only");
        }
        Reply invalid = post("/api/sparql", ADMIN, Map.of("query", "SELEC ?x WHERE {"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("message").asText()).contains("invalid SPARQL");
        assertThat(post("/api/sparql", ADMIN, Map.of("query", "ASK {}", "format", "xml")).status()).isEqualTo(400);
        assertThat(post("/api/sparql", null, Map.of("query", "ASK {}")).status()).isEqualTo(401);
        assertThat(countDocuments()).isPositive();
    }

    @Test
    void sparqlOfTenantASeesNothingOfTenantB() throws Exception {
        String mentionsB = "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(CONTAINS(STR(?o), \"Velmora\") "
                + "|| CONTAINS(STR(?o), \"Oskar\") || CONTAINS(STR(?o), \"tenantB\")) }";
        Reply admin = post("/api/sparql", ADMIN, Map.of("query", mentionsB));
        assertThat(admin.status()).as(admin.text()).isEqualTo(200);
        assertThat(admin.body().get("rows")).as("B's triples exist, so the check below is not vacuous").isNotEmpty();
        Reply a = post("/api/sparql", READER_A, Map.of("query", mentionsB));
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.body().get("rows")).isEmpty();

        Reply titles = post("/api/sparql", READER_A, Map.of("query", PREFIXES
                + "SELECT ?title WHERE { ?d a engram:Document ; dcterms:title ?title }"));
        assertThat(titles.body().get("rows").findValuesAsText("value")).contains("Zorblax Corporation")
                .doesNotContain("Velmora Institute", "Oskar Brandt");
        Reply b = post("/api/sparql", READER_B, Map.of("query", PREFIXES
                + "ASK { ?d dcterms:title \"Zorblax Corporation\" }"));
        assertThat(b.body().get("answer").asBoolean()).isFalse();
    }

    // ---- cypher ----

    @Test
    void cypherReadsRowsAndGraphWithoutEmbeddings() throws Exception {
        Reply r = post("/api/cypher", ADMIN, Map.of(
                "query", "MATCH (c:Chunk)-[p:PART_OF]->(d:Document {id: $id}) RETURN d.title AS title, c, p",
                "parameters", Map.of("id", "a1")));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body().get("columns")).hasSize(3);
        assertThat(r.body().get("rows").get(0).get(0).asText()).isEqualTo("Zorblax Corporation");
        JsonNode chunk = r.body().get("rows").get(0).get(1);
        assertThat(chunk.get("labels").get(0).asText()).isEqualTo("Chunk");
        assertThat(chunk.get("properties").has("text")).isTrue();
        assertThat(chunk.get("properties").has("embedding")).isFalse();
        assertThat(r.body().get("graph").get("nodes")).isNotEmpty();
        assertThat(r.body().get("graph").get("relationships").get(0).get("type").asText()).isEqualTo("PART_OF");
        assertThat(r.body().get("truncated").asBoolean()).isFalse();
    }

    @Test
    void cypherCapsRows() throws Exception {
        Reply r = post("/api/cypher", ADMIN, Map.of("query", "UNWIND range(1, 500) AS x RETURN x"));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body().get("rows")).hasSize(50);
        assertThat(r.body().get("truncated").asBoolean()).isTrue();
    }

    @Test
    void cypherWritesAreRefusedAndChangeNothing() throws Exception {
        long documents = countDocuments();
        for (String write : List.of(
                "CREATE (n:Hacked {x: 1}) RETURN n",
                "MATCH (d:Document) DETACH DELETE d",
                "MATCH (d:Document) SET d.title = 'pwned' RETURN count(d)",
                "MERGE (n:Hacked {x: 2})",
                "CREATE INDEX hacked FOR (n:Hacked) ON (n.x)",
                "CALL dbms.listConfig() YIELD name RETURN name",
                "CALL db.createLabel('Hacked')",
                "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line")) {
            Reply r = post("/api/cypher", ADMIN, Map.of("query", write));
            assertThat(r.status()).as(write + " -> " + r.text()).isBetween(400, 499);
            assertThat(r.body().get("message").asText()).as(write).isNotBlank();
        }
        assertThat(countDocuments()).isEqualTo(documents);
        Reply hacked = post("/api/cypher", ADMIN, Map.of("query", "MATCH (n:Hacked) RETURN count(n) AS n"));
        assertThat(hacked.body().get("rows").get(0).get(0).asLong()).isZero();
        Reply titles = post("/api/cypher", ADMIN, Map.of("query", "MATCH (d:Document {title: 'pwned'}) RETURN count(d)"));
        assertThat(titles.body().get("rows").get(0).get(0).asLong()).isZero();
    }

    @Test
    void slowCypherHitsTheServerTimeout() throws Exception {
        Reply r = post("/api/cypher", ADMIN, Map.of(
                "query", "UNWIND range(1, 100000) AS x UNWIND range(1, 100000) AS y RETURN count(*) AS n"));
        assertThat(r.status()).as(r.text()).isEqualTo(504);
        assertThat(r.body().get("message").asText()).contains("limit");
    }

    // ---- auth and tenancy ----

    @Test
    void unauthenticatedAndReadOnlyWritesAreRefused() throws Exception {
        assertThat(upload(null, "x.jsonl", "{\"id\": \"x1\", \"text\": \"sneaky\"}\n", null).status()).isEqualTo(401);
        assertThat(upload("wrong-key", "x.jsonl", "{\"id\": \"x1\", \"text\": \"sneaky\"}\n", null).status()).isEqualTo(401);
        assertThat(upload(READER_A, "x.jsonl", "{\"id\": \"x1\", \"text\": \"sneaky\"}\n", null).status()).isEqualTo(403);
        assertThat(send(request("/api/documents/a2", null).DELETE().build()).status()).isEqualTo(401);
        assertThat(send(request("/api/documents/a2", READER_A).DELETE().build()).status()).isEqualTo(403);
        assertThat(post("/api/query", null, Map.of("question", "Lisbon")).status()).isEqualTo(401);
        assertThat(get("/api/documents/a2", ADMIN).status()).isEqualTo(200);
        assertThat(get("/api/documents", ADMIN).body().findValuesAsText("id")).doesNotContain("x1");
    }

    @Test
    void readerOfTenantANeverSeesTenantB() throws Exception {
        // passages: a question about B's content answers from A's documents only, in every mode
        for (String mode : List.of("dense", "bm25", "hybrid", "ppr", "graphrag")) {
            Reply r = post("/api/query", READER_A, Map.of("question", "Who founded the Velmora Institute in Lisbon?",
                    "mode", mode, "topK", 10));
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(documentIds(r.body().get("passages"))).as(mode).noneMatch(id -> id.startsWith("b"));
            // everything but the echoed question must be free of B's words
            ((com.fasterxml.jackson.databind.node.ObjectNode) r.body()).remove("question");
            assertThat(r.body().toString()).as(mode).doesNotContain("Velmora").doesNotContain("Oskar").doesNotContain("Tagus");
        }
        // the unrestricted key does see B, so the test above is not vacuous
        Reply admin = post("/api/query", ADMIN, Map.of("question", "Who founded the Velmora Institute?", "mode", "dense"));
        assertThat(documentIds(admin.body().get("passages"))).contains("b1");

        // entities: B's entities are invisible; a shared one counts only A's chunks
        assertThat(get("/api/entities?q=Velmora%20Institute&k=5", READER_A).body().findValuesAsText("name"))
                .noneMatch(n -> n.contains("Velmora") || n.contains("Oskar"));
        JsonNode lisbonAdmin = entity(ADMIN, "Lisbon");
        JsonNode lisbonA = entity(READER_A, "Lisbon");
        assertThat(lisbonAdmin.get("chunkCount").asLong()).isEqualTo(2);
        assertThat(lisbonA.get("chunkCount").asLong()).isEqualTo(1);
        Reply hood = get("/api/nodes/" + enc(lisbonA.get("id").asText()) + "/neighbourhood", READER_A);
        assertThat(hood.status()).isEqualTo(200);
        assertThat(hood.text()).doesNotContain("Velmora").doesNotContain("Tagus").doesNotContain("b3");
        assertThat(hood.body().get("center").get("chunkCount").asLong()).isEqualTo(1);

        // documents and chunks
        assertThat(get("/api/documents", READER_A).body().findValuesAsText("id")).contains("a1").noneMatch(id -> id.startsWith("b"));
        assertThat(get("/api/documents/b1", READER_A).status()).isEqualTo(404);
        String bChunk = get("/api/documents/b1", ADMIN).body().get("chunks").get(0).get("id").asText();
        assertThat(get("/api/chunks/" + enc(bChunk), READER_A).status()).isEqualTo(404);
        assertThat(get("/api/documents/a1", READER_B).status()).isEqualTo(404);

        // chat answers from A's passages only
        Reply chat = post("/v1/chat/completions", READER_A, Map.of("model", "engram-dense",
                "messages", List.of(Map.of("role", "user", "content", "Who founded the Velmora Institute?"))));
        assertThat(chat.status()).isEqualTo(200);
        assertThat(chat.text()).doesNotContain("Velmora Institute was").doesNotContain("Oskar");

        // raw Cypher cannot be confined to a tenant, so scoped keys may not use it
        Reply cypher = post("/api/cypher", READER_A, Map.of("query", "MATCH (d:Document) RETURN count(d)"));
        assertThat(cypher.status()).isEqualTo(403);
        // nor ask for another tenant's view
        assertThat(post("/api/query", READER_A, Map.of("question", "Velmora", "tenant", "tenantB")).status()).isEqualTo(403);
    }

    @Test
    void anUploadedPdfIsCitedWithItsPagesAndSection() throws Exception {
        Path pdf = dev.engram.extraction.document.DocumentFixtures.reportPdf(SCRATCH.resolve("report-upload.pdf"));
        Reply upload = upload(WRITER_A, "report.pdf", Files.readAllBytes(pdf), null);
        Files.delete(pdf);
        assertThat(upload.status()).as(upload.text()).isEqualTo(202);
        JsonNode job = awaitJob(upload.body().get("id").asText());
        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        Reply r = post("/api/query", READER_A, Map.of("question", "How much did revenue rise to in 2025?", "mode", "dense", "topK", 1));
        JsonNode top = r.body().get("passages").get(0);
        assertThat(top.get("documentId").asText()).isEqualTo("report.pdf");
        // the default 256-token chunks hold the whole "2 Results" section of this small PDF (pages 2 to 4)
        assertThat(top.get("place").get("pageStart").asInt()).isEqualTo(2);
        assertThat(top.get("source").asText()).isEqualTo("Annual report 2025, pp. 2–4, §2 Results");
        assertThat(r.body().get("context").asText()).contains("[1] Annual report 2025, pp. 2–4, §2 Results\n");
        // the explorer's supporting sentences name the same place, not only "passage N"
        Reply evidence = post("/api/evidence", READER_A, Map.of("facts", List.of(Map.of("source", "revenue",
                "target", "2025", "predicate", "rose", "chunkIds", List.of(top.get("chunkId").asText())))));
        assertThat(evidence.status()).as(evidence.text()).isEqualTo(200);
        JsonNode sentence = evidence.body().get(0).get("sentences").get(0);
        assertThat(sentence.get("title").asText()).isEqualTo("Annual report 2025");
        assertThat(sentence.get("place").asText()).isEqualTo("pp. 2–4, §2 Results");
        assertThat(post("/api/query", READER_B, Map.of("question", "revenue 2025 lighthouse", "mode", "bm25")).body()
                .get("passages").toString()).doesNotContain("report.pdf");
    }

    @Test
    void theSyncJobNeedsAWriteKeyAndMakesTheGraphMatchTheFolder() throws Exception {
        Path folder = Files.createDirectories(SCRATCH.resolve("sync"));
        Files.writeString(folder.resolve("harbour.md"), "# Harbour\n\nThe harbour master is Ines Duarte.\n");
        assertThat(send(request("/api/sync", READER_A).POST(HttpRequest.BodyPublishers.noBody()).build()).status()).isEqualTo(403);
        Reply plan = send(request("/api/sync?dryRun=true", WRITER_A).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(plan.status()).as(plan.text()).isEqualTo(202);
        JsonNode planned = awaitJob(plan.body().get("id").asText());
        assertThat(planned.get("summary").asText()).contains("1 new").contains("+ sync/harbour.md");
        assertThat(countOf("sync/harbour.md")).as("a dry run ingests nothing").isZero();
        Reply sync = send(request("/api/sync", WRITER_A).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(awaitJob(sync.body().get("id").asText()).get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(post("/api/cypher", ADMIN, Map.of("query", "MATCH (d:Document {id: 'sync/harbour.md'}) RETURN d.tenant"))
                .body().get("rows").get(0).get(0).asText()).isEqualTo("tenantA");
        Files.delete(folder.resolve("harbour.md"));
        Reply again = send(request("/api/sync", WRITER_A).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(awaitJob(again.body().get("id").asText()).get("summary").asText()).contains("1 deleted");
        assertThat(countOf("sync/harbour.md")).isZero();
    }

    private long countOf(String documentId) throws Exception {
        return post("/api/cypher", ADMIN, Map.of("query", "MATCH (d:Document {id: $id}) RETURN count(d)", "parameters", Map.of("id", documentId)))
                .body().get("rows").get(0).get(0).asLong();
    }

    @Test
    void tenantWriterIngestsIntoItsTenantAndDeletesOnlyItsDocuments() throws Exception {
        Reply upload = upload(WRITER_A, "more-a.jsonl",
                "{\"id\": \"a9\", \"title\": \"Harbour crane\", \"text\": \"The harbour crane lifts containers.\"}\n", null);
        assertThat(upload.status()).as(upload.text()).isEqualTo(202);
        assertThat(awaitJob(upload.body().get("id").asText()).get("state").asText()).isEqualTo("SUCCEEDED");
        JsonNode doc = get("/api/documents/a9", READER_A).body();
        assertThat(doc.get("tenant").asText()).isEqualTo("tenantA");
        assertThat(get("/api/documents/a9", READER_B).status()).isEqualTo(404);

        assertThat(send(request("/api/documents/b2", WRITER_A).DELETE().build()).status()).isEqualTo(404);
        assertThat(get("/api/documents/b2", ADMIN).status()).isEqualTo(200);
        assertThat(send(request("/api/documents/a9", WRITER_A).DELETE().build()).status()).isEqualTo(204);
        assertThat(get("/api/documents/a9", ADMIN).status()).isEqualTo(404);
    }

    @Test
    void jobsCanBeCancelledOnlyByWritersWhoSeeThem() throws Exception {
        Reply upload = upload(ADMIN, "cancel.jsonl",
                "{\"id\": \"c1\", \"title\": \"Kite\", \"text\": \"A kite flies in the wind.\"}\n", "tenantB");
        String id = upload.body().get("id").asText();
        assertThat(send(request("/api/jobs/" + id, READER_B).DELETE().build()).status()).isEqualTo(403);
        assertThat(get("/api/jobs/" + id, READER_A).status()).as("another tenant's job").isEqualTo(404);
        Reply cancel = send(request("/api/jobs/" + id, ADMIN).DELETE().build());
        assertThat(cancel.status()).isEqualTo(200);
        // the job may have finished before the cancel arrived; either way it ends, and never as a failure
        assertThat(awaitJob(id).get("state").asText()).isIn("CANCELLED", "SUCCEEDED");
        assertThat(get("/api/jobs/no-such-job", ADMIN).status()).isEqualTo(404);
    }

    @Autowired dev.engram.app.runtime.EngramRuntime runtime;
    @Autowired dev.engram.app.server.jobs.IngestJobs ingestJobs;

    /**
     * Stores a job as a process that died mid-run leaves it: RUNNING, held by a process of this host that has ended
     * (so it reads as interrupted), owned by tenant A, ingesting {@code file}.
     */
    private String interruptedJob(Path file) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String runner = RunnerIdentity.current().replaceFirst("/\\d+/\\d+$", "/" + gone.pid() + "/0");
        String id = UUID.randomUUID().toString();
        JobStore store = new JobStore(runtime.store());
        store.create(new JobRecord(id, JobKind.UPLOAD, "tenantA", new JobParameters(List.of(file.toString()), List.of(),
                "tenantA", List.of(), "rule", false, file.getParent().toString(), null), JobState.QUEUED,
                JobCounters.NONE, List.of(), null, java.time.Instant.now(), null, null, java.time.Instant.now(), runner,
                false, 0));
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(JobState.INTERRUPTED);
        return id;
    }

    @Test
    void aRestartListsInterruptedJobsAndResumesThemOnRequestOrAllAtOnce() throws Exception {
        Path one = Files.createDirectories(SCRATCH.resolve("interrupted-1")).resolve("r1.jsonl");
        Files.writeString(one, "{\"id\": \"r1\", \"title\": \"Quill\", \"text\": \"A quill is a writing tool made from a feather.\"}\n");
        Path two = Files.createDirectories(SCRATCH.resolve("interrupted-2")).resolve("r2.jsonl");
        Files.writeString(two, "{\"id\": \"r2\", \"title\": \"Inkwell\", \"text\": \"An inkwell holds the ink for a quill.\"}\n");
        String first = interruptedJob(one);
        JsonNode listed = get("/api/jobs", READER_A).body();
        assertThat(listed.toString()).contains(first);
        assertThat(get("/api/jobs/" + first, READER_A).body().get("state").asText()).isEqualTo("INTERRUPTED");
        assertThat(get("/api/jobs/" + first, READER_B).status()).isEqualTo(404);

        Reply resumed = send(request("/api/jobs/" + first + "/resume", WRITER_A).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(resumed.status()).as(resumed.text()).isEqualTo(202);
        JsonNode done = awaitJob(first);
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("written").asLong()).isEqualTo(1);
        assertThat(done.get("attempts").asInt()).isEqualTo(1);
        assertThat(get("/api/documents/r1", READER_A).status()).isEqualTo(200);
        assertThat(Files.exists(one)).as("the upload's folder is deleted once it succeeded").isFalse();

        // what engram serve --resume-jobs does on start
        String second = interruptedJob(two);
        assertThat(ingestJobs.resumeInterrupted()).isEqualTo(1);
        assertThat(awaitJob(second).get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(get("/api/documents/r2", READER_A).status()).isEqualTo(200);
        assertThat(ingestJobs.resumeInterrupted()).as("nothing left to resume").isZero();
        for (String doc : List.of("r1", "r2")) {
            assertThat(send(request("/api/documents/" + doc, ADMIN).DELETE().build()).status()).isEqualTo(204);
        }
    }

    // ---- graph explorer ----

    @Test
    void explorerEndpoints() throws Exception {
        JsonNode doc = get("/api/documents/a1", ADMIN).body();
        assertThat(doc.get("title").asText()).isEqualTo("Zorblax Corporation");
        assertThat(doc.get("chunks")).isNotEmpty();
        String chunkId = doc.get("chunks").get(0).get("id").asText();
        JsonNode chunk = get("/api/chunks/" + enc(chunkId), ADMIN).body();
        assertThat(chunk.get("text").asText()).contains("Mira Tanaka");
        assertThat(chunk.get("entities").findValuesAsText("name")).isNotEmpty();

        JsonNode zorblax = entity(ADMIN, "Zorblax Corporation");
        JsonNode lisbon = entity(ADMIN, "Lisbon");
        Reply hood = get("/api/nodes/" + enc(zorblax.get("id").asText()) + "/neighbourhood?limit=5", ADMIN);
        assertThat(hood.status()).as(hood.text()).isEqualTo(200);
        assertThat(hood.body().get("chunks")).isNotEmpty();
        Reply paths = get("/api/paths?from=" + enc(zorblax.get("id").asText()) + "&to=" + enc(lisbon.get("id").asText())
                + "&maxHops=3", ADMIN);
        assertThat(paths.status()).as(paths.text()).isEqualTo(200);
        assertThat(get("/api/nodes/no-such-entity/neighbourhood", ADMIN).status()).isEqualTo(404);
        assertThat(get("/api/paths?from=a&to=b&maxHops=99", ADMIN).status()).isEqualTo(400);
    }

    // ---- OpenAI-compatible ----

    @Test
    void openAiCompatibleChat() throws Exception {
        Reply models = get("/v1/models", READER_A);
        assertThat(models.body().get("data").findValuesAsText("id")).contains("engram-graphrag", "engram-dense");

        Map<String, Object> body = Map.of("model", "engram-graphrag", "messages",
                List.of(Map.of("role", "user", "content", "Who founded Zorblax Corporation?")));
        Reply whole = post("/v1/chat/completions", ADMIN, body);
        assertThat(whole.status()).as(whole.text()).isEqualTo(200);
        assertThat(whole.body().get("object").asText()).isEqualTo("chat.completion");
        assertThat(whole.body().get("choices").get(0).get("message").get("content").asText()).contains("[1]", "Zorblax");

        Map<String, Object> streamed = new java.util.HashMap<>(body);
        streamed.put("stream", true);
        HttpResponse<String> sse = http.send(request("/v1/chat/completions", ADMIN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(streamed))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sse.statusCode()).isEqualTo(200);
        assertThat(sse.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<String> data = sse.body().lines().filter(l -> l.startsWith("data:")).map(l -> l.substring(5).strip()).toList();
        assertThat(data.getLast()).isEqualTo("[DONE]");
        StringBuilder content = new StringBuilder();
        for (String d : data.subList(0, data.size() - 1)) {
            JsonNode delta = json.readTree(d).get("choices").get(0).get("delta");
            if (delta.has("content")) {
                content.append(delta.get("content").asText());
            }
        }
        assertThat(content.toString()).contains("Zorblax");
    }

    @Test
    void healthIsOpen() throws Exception {
        Reply health = get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void openApiDescribesTheApi() throws Exception {
        Reply docs = get("/v3/api-docs", null);
        assertThat(docs.status()).as(docs.text()).isEqualTo(200);
        assertThat(docs.body().get("paths").has("/api/query")).isTrue();
        assertThat(docs.body().get("paths").has("/api/cypher")).isTrue();
        assertThat(docs.body().get("paths").has("/api/sparql")).isTrue();
        assertThat(docs.body().get("paths").has("/api/query/stream")).isTrue();
    }

    // ---- helpers ----

    record Reply(int status, String text, JsonNode body) {}

    record Event(String name, JsonNode data) {}

    private List<Event> stream(String key, Object body) throws Exception {
        HttpResponse<String> sse = http.send(request("/api/query/stream", key).header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sse.statusCode()).as(sse.body()).isEqualTo(200);
        assertThat(sse.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<Event> events = new ArrayList<>();
        for (String block : sse.body().split("\\R\\R")) {
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.lines().toList()) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            }
            if (name != null) {
                events.add(new Event(name, json.readTree(data.toString())));
            }
        }
        return events;
    }

    private JsonNode entity(String key, String name) throws Exception {
        Reply r = get("/api/entities?q=" + enc(name) + "&k=5", key);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        for (JsonNode e : r.body()) {
            if (e.get("name").asText().equalsIgnoreCase(name)) {
                return e;
            }
        }
        throw new AssertionError("no entity named " + name + " in " + r.text());
    }

    private long countDocuments() throws Exception {
        return post("/api/cypher", ADMIN, Map.of("query", "MATCH (d:Document) RETURN count(d)"))
                .body().get("rows").get(0).get(0).asLong();
    }

    private JsonNode awaitJob(String id) throws Exception {
        return jobs.ended(id);
    }

    private static List<String> documentIds(JsonNode passages) {
        List<String> ids = new ArrayList<>();
        passages.forEach(p -> ids.add(p.get("documentId").asText()));
        return ids;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        return key == null ? b : b.header("Authorization", "Bearer " + key);
    }

    private Reply get(String path, String key) throws Exception {
        return send(request(path, key).GET().build());
    }

    private Reply post(String path, String key, Object body) throws Exception {
        return send(request(path, key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
    }

    private Reply upload(String key, String fileName, String content, String tenant) throws Exception {
        return upload(key, fileName, content.getBytes(StandardCharsets.UTF_8), tenant);
    }

    private Reply upload(String key, String fileName, byte[] content, String tenant) throws Exception {
        return send(DocumentUpload.of(tenant, fileName, content).postedBy(request("/api/documents", key)).build());
    }

    private Reply send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        JsonNode node = text == null || text.isBlank() ? json.nullNode() : json.readTree(text);
        return new Reply(response.statusCode(), text, node);
    }
}
