package dev.engram.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.app.server.DocumentUpload;
import dev.engram.app.server.JobPoll;
import dev.engram.app.server.ServerTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.app.runtime.BoltPassword;
import dev.engram.app.runtime.EngramRuntime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The attack suite: a running server with two tenants' keys, attacked the way the security review did (issue 12)
 * and with the obvious variants. Every attack asserts what is refused <em>and</em> that the graph is unchanged
 * afterwards (node and relationship counts plus a content fingerprint of every property). Real HTTP, real
 * embedded Neo4j, the real ONNX embedder, the real Neo4j Java driver against the Bolt port.
 */
@TestPropertySource(properties = {
        "engram.cypher.timeout=3s",
        "engram.limits.upload-files=3",
        "engram.max-upload=256KB",
        "engram.api-keys=admin-key:write:*,writer-a:write:tenantA,reader-a:read:tenantA,writer-b:write:tenantB,"
                + "reader-b:read:tenantB"})
@Import(AttackSuiteTest.Failing.class)
class AttackSuiteTest extends ServerTestBase {
    static final String SECRET = "The vault code of Zorblax Corporation is 4711. Mira Tanaka keeps it.";

    static final Path SERVER_FILE;
    /** The folder POST /api/sync makes the graph match: it holds links that lead out of it, to the server's files. */
    static final Path SYNC_ROOT;

    static {
        try {
            SERVER_FILE = Files.createTempFile("engram-server-secret", ".csv");
            SERVER_FILE.toFile().deleteOnExit();
            Files.writeString(SERVER_FILE, "api-key,hunter2-server-secret\n");
            SYNC_ROOT = Files.createDirectories(Files.createTempDirectory("engram-attack-sync").resolve("sync-root"));
            Files.createSymbolicLink(SYNC_ROOT.resolve("leak.txt"), SERVER_FILE);
            Files.createSymbolicLink(SYNC_ROOT.resolve("etc"), Path.of("/etc"));
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void syncRoot(DynamicPropertyRegistry registry) {
        registry.add("engram.sync.root", SYNC_ROOT::toString);
    }

    @AfterAll
    void deleteSyncRoot() throws IOException {
        try (var paths = Files.walk(SYNC_ROOT.getParent())) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p); // links are deleted, never followed
            }
        }
    }

    /** A handler that fails the way a bug would, to see what a 500 reveals. */
    @RestController
    static class Failing {
        @GetMapping("/api/test-only/fail")
        String fail() {
            throw new IllegalStateException("secret internal detail at org.example.Hidden line 42");
        }
    }

    @Autowired EngramRuntime runtime;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    /** Tenant A's first upload job. */
    String jobOfA;

    @BeforeAll
    void ingestBothTenants() throws Exception {
        jobOfA = awaitSucceeded(upload(WRITER_A, Map.of("secret.md", "# Zorblax vault\n\n" + SECRET + "\n",
                "a.jsonl", "{\"id\": \"a-plan\", \"title\": \"Zorblax plan\", \"text\": \"Zorblax Corporation will open an office in Lisbon.\"}\n")))
                .get("id").asText();
        awaitSucceeded(upload(WRITER_B, Map.of("b.jsonl",
                "{\"id\": \"b-notes\", \"title\": \"Velmora notes\", \"text\": \"Velmora Institute studies deep sea fungi in Lisbon.\"}\n")));
    }

    // ---- finding 1: cross-tenant overwrite by upload, JSONL id, admin stamping, path tricks ----

    @Test
    void anotherTenantCannotReplaceADocumentByUploadingTheSameName() throws Exception {
        Graph before = graph();
        Reply r = upload(WRITER_B, Map.of("secret.md", "# Pwned\n\nTenant B owns this now.\n"));
        assertThat(r.status()).as(r.text()).isEqualTo(409);
        assertThat(r.message()).contains("secret.md").contains("another tenant").doesNotContain("tenantA");
        assertThat(graph()).isEqualTo(before);
        assertThat(get("/api/documents/secret.md", READER_A).text()).contains("4711");
        assertThat(get("/api/documents/secret.md", READER_B).status()).isEqualTo(404);
    }

    @Test
    void jsonlIdsPathTricksAndAdminStampsCannotTakeADocumentEither() throws Exception {
        Graph before = graph();
        List<Reply> attempts = List.of(
                upload(WRITER_B, Map.of("x.jsonl", "{\"id\": \"a-plan\", \"text\": \"B's plan now.\"}\n")),
                upload(WRITER_B, Map.of("x.jsonl", "{\"id\": \"secret.md\", \"text\": \"B's secret now.\"}\n")),
                upload(WRITER_B, Map.of("../secret.md", "B was here.")),
                upload(WRITER_B, Map.of("../../tmp/secret.md", "B was here.")),
                upload(WRITER_B, Map.of("sub\\secret.md", "B was here.")),
                upload(ADMIN, Map.of("secret.md", "Stamped for B."), "tenantB"),
                upload(ADMIN, Map.of("secret.md", "Made public.")),
                upload(WRITER_A, Map.of("b.jsonl", "{\"id\": \"b-notes\", \"text\": \"A takes B's notes.\"}\n")));
        for (Reply r : attempts) {
            assertThat(r.status()).as(r.text()).isEqualTo(409);
        }
        assertThat(graph()).isEqualTo(before);
    }

    @Test
    void reuploadingByTheOwnerIsIdempotent() throws Exception {
        Graph before = graph();
        JsonNode job = awaitSucceeded(upload(WRITER_A, Map.of("secret.md", "# Zorblax vault\n\n" + SECRET + "\n")));
        assertThat(job.get("unchanged").asLong()).isEqualTo(1);
        assertThat(job.get("written").asLong()).isZero();
        assertThat(graph()).isEqualTo(before);
    }

    @Test
    void unusableFileNamesAreRefused() throws Exception {
        Graph before = graph();
        for (String name : List.of("..", ".", ".env", "a\u0001b.md", "c:secret.md", "x".repeat(300) + ".md", "")) {
            Reply r = upload(WRITER_A, Map.of(name, "text"));
            assertThat(r.status()).as(name + " -> " + r.text()).isEqualTo(400);
        }
        assertThat(graph()).isEqualTo(before);
    }

    @Test
    void anotherTenantCannotDeleteADocumentOrCancelItsJobs() throws Exception {
        Graph before = graph();
        assertThat(delete("/api/documents/secret.md", WRITER_B).status()).isEqualTo(404);
        assertThat(delete("/api/documents/a-plan", WRITER_B).status()).isEqualTo(404);
        assertThat(delete("/api/documents/" + enc("../secret.md"), WRITER_B).status()).isIn(400, 404);
        assertThat(delete("/api/documents/secret.md", READER_A).status()).isEqualTo(403);
        assertThat(delete("/api/documents/b-notes", WRITER_A).status()).isEqualTo(404);
        assertThat(graph()).isEqualTo(before);
    }

    // ---- the sync job: a configured folder only, write keys only, each tenant its own documents ----

    @Test
    void syncReadsOnlyTheConfiguredFolderAndNoLinkLeadingOutOfIt() throws Exception {
        Graph before = graph();
        for (String key : new String[] {null, "wrong-key", READER_A, READER_B}) {
            Reply r = send(request("/api/sync", key).POST(BodyPublishers.noBody()).build());
            assertThat(r.status()).as(key + " -> " + r.text()).isEqualTo(key == null || key.startsWith("wrong") ? 401 : 403);
        }
        // the job takes no path: whatever a caller names, the configured folder is synced, and its links to the
        // server's files (leak.txt -> a secret file, etc -> /etc) are reported, not read
        for (String query : List.of("", "?root=/etc", "?path=/etc&dir=/etc&folder=/etc", "?dryRun=true&root=/")) {
            JsonNode job = awaitFinished(send(request("/api/sync" + query, WRITER_A).POST(BodyPublishers.noBody()).build()));
            assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
            assertThat(job.get("summary").asText()).as(job.toString()).contains("0 new, 0 changed, 0 unchanged, 0 removed");
            assertThat(job.toString()).doesNotContain("hunter2").doesNotContain("root:").doesNotContain("passwd")
                    .doesNotContain(SYNC_ROOT.getParent().toString()).doesNotContain(SERVER_FILE.toString());
            String problems = query.contains("dryRun") ? job.get("summary").asText() : job.get("errors").toString();
            assertThat(problems).as(job.toString()).contains("sync-root/leak.txt").contains("symbolic link leading outside");
        }
        assertThat(graph()).isEqualTo(before);
    }

    @Test
    void syncRefusesMalformedAndOversizedRequests() throws Exception {
        Graph before = graph();
        for (String query : List.of("?dryRun=maybe", "?dryRun=" + "x".repeat(5_000), "?dryRun=%00")) {
            Reply r = send(request("/api/sync" + query, WRITER_A).POST(BodyPublishers.noBody()).build());
            assertThat(r.status()).as(query.substring(0, Math.min(40, query.length())) + " -> " + r.text()).isEqualTo(400);
            assertThat(r.text()).doesNotContain("java.").doesNotContain("Exception").doesNotContain("boolean");
        }
        Reply big = send(request("/api/sync", WRITER_A).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"root\": \"" + "/etc/".repeat(500_000) + "\"}")).build());
        assertThat(big.status()).as(big.text()).isEqualTo(413);
        assertThat(graph()).isEqualTo(before);
    }

    @Test
    void anotherTenantsSyncOfTheSameFolderNeitherTakesNorDeletesTheDocumentsOfTheFirst() throws Exception {
        Path file = Files.writeString(SYNC_ROOT.resolve("harbour.md"), "# Harbour\n\nThe harbour master is Ines Duarte.\n");
        try {
            JsonNode first = awaitFinished(send(request("/api/sync", WRITER_A).POST(BodyPublishers.noBody()).build()));
            assertThat(first.get("summary").asText()).as(first.toString()).contains("1 new");
            String aJob = first.get("id").asText();
            Graph before = graph();
            assertThat(get("/api/jobs/" + aJob, READER_B).status()).isEqualTo(404);
            assertThat(delete("/api/jobs/" + aJob, WRITER_B).status()).isEqualTo(404);

            JsonNode b = awaitFinished(send(request("/api/sync", WRITER_B).POST(BodyPublishers.noBody()).build()));
            assertThat(b.get("written").asLong()).as(b.toString()).isZero();
            assertThat(b.get("errors").toString()).contains("sync-root/harbour.md").contains("another tenant");
            assertThat(graph()).as("B's sync took nothing of A's").isEqualTo(before);

            Files.delete(file);
            JsonNode gone = awaitFinished(send(request("/api/sync", WRITER_B).POST(BodyPublishers.noBody()).build()));
            assertThat(gone.get("summary").asText()).as(gone.toString()).contains("0 deleted");
            assertThat(graph()).as("B's sync deleted nothing of A's").isEqualTo(before);
            assertThat(cypher(ADMIN, "MATCH (d:Document {id: $id}) RETURN d.tenant", Map.of("id", "sync-root/harbour.md"))
                    .body().get("rows").get(0).get(0).asText()).isEqualTo("tenantA");
        } finally {
            Files.deleteIfExists(file);
            JsonNode cleanup = awaitFinished(send(request("/api/sync", WRITER_A).POST(BodyPublishers.noBody()).build()));
            assertThat(cleanup.get("summary").asText()).as(cleanup.toString()).contains("1 deleted");
        }
    }

    @Test
    void jobRecordsAreTenantScopedAndReadKeysCannotCancelOrResumeThem() throws Exception {
        Graph before = graph();
        String record = jobRecord(jobOfA);
        // listed only to their tenant (and to the administrator)
        JsonNode ownList = get("/api/jobs", READER_A).body();
        assertThat(ownList.findValuesAsText("id")).contains(jobOfA);
        assertThat(ownList.findValuesAsText("tenant")).containsOnly("tenantA");
        JsonNode otherList = get("/api/jobs?limit=1000", READER_B).body();
        assertThat(otherList.findValuesAsText("id")).doesNotContain(jobOfA).isNotEmpty();
        assertThat(otherList.toString()).doesNotContain("tenantA").doesNotContain("secret.md").doesNotContain("Zorblax");
        assertThat(get("/api/jobs", ADMIN).body().findValuesAsText("id")).contains(jobOfA);
        // another tenant: not found, whatever it tries
        for (String key : List.of(READER_B, WRITER_B)) {
            Reply show = get("/api/jobs/" + jobOfA, key);
            assertThat(show.status()).isEqualTo(404);
            assertThat(show.text()).doesNotContain("tenantA").doesNotContain("secret.md");
        }
        assertThat(delete("/api/jobs/" + jobOfA, WRITER_B).status()).isEqualTo(404);
        assertThat(post("/api/jobs/" + jobOfA + "/resume", WRITER_B, Map.of()).status()).isEqualTo(404);
        // no key, a wrong key
        for (String key : new String[] {null, "wrong-key"}) {
            assertThat(get("/api/jobs", key).status()).isEqualTo(401);
            assertThat(get("/api/jobs/" + jobOfA, key).status()).isEqualTo(401);
            assertThat(delete("/api/jobs/" + jobOfA, key).status()).isEqualTo(401);
            assertThat(post("/api/jobs/" + jobOfA + "/resume", key, Map.of()).status()).isEqualTo(401);
        }
        // its own read-only key sees it but may not cancel or resume it
        assertThat(get("/api/jobs/" + jobOfA, READER_A).status()).isEqualTo(200);
        assertThat(delete("/api/jobs/" + jobOfA, READER_A).status()).isEqualTo(403);
        assertThat(post("/api/jobs/" + jobOfA + "/resume", READER_A, Map.of()).status()).isEqualTo(403);
        // a finished job is not resumed again, not even by its owner
        Reply again = post("/api/jobs/" + jobOfA + "/resume", WRITER_A, Map.of());
        assertThat(again.status()).as(again.text()).isEqualTo(409);
        // malformed and oversized ids and limits
        for (String id : List.of("x".repeat(65), enc("a'b"), enc("a b"), enc("j:IngestJob"), enc("*"), "%00")) {
            Reply r = get("/api/jobs/" + id, ADMIN);
            assertThat(r.status()).as(id + " -> " + r.text()).isEqualTo(400);
            assertThat(r.text()).doesNotContain("Exception").doesNotContain("java.");
            assertThat(delete("/api/jobs/" + id, ADMIN).status()).isEqualTo(400);
            assertThat(post("/api/jobs/" + id + "/resume", ADMIN, Map.of()).status()).isEqualTo(400);
        }
        assertThat(get("/api/jobs/" + enc("../secret.md"), ADMIN).status()).isIn(400, 404);
        for (String limit : List.of("0", "-1", "100000", "lots")) {
            assertThat(get("/api/jobs?limit=" + limit, ADMIN).status()).as(limit).isEqualTo(400);
        }
        assertThat(graph()).isEqualTo(before);
        assertThat(jobRecord(jobOfA)).as("the job record is untouched").isEqualTo(record);
    }

    /** A job's stored record, its state, cancellation, attempts and counters (not its heartbeat). */
    private String jobRecord(String id) {
        try (Session s = runtime.store().session()) {
            return s.run("MATCH (j:IngestJob {id: $id}) RETURN [j.state, j.cancelRequested, j.attempts, j.documentsWritten, "
                    + "j.finishedAt, j.summary] AS r", Map.of("id", id)).single().get("r").asList().toString();
        }
    }

    // ---- findings 2 and 3: Cypher reaching files, URLs and transaction administration ----

    @Test
    void cypherCannotReadFilesOrUrlsHoweverLoadCsvIsWritten() throws Exception {
        Graph before = graph();
        String file = SERVER_FILE.toUri().toString();
        for (String q : List.of(
                "LOAD CSV FROM '" + file + "' AS l RETURN l",
                "LOAD /* c */ CSV FROM '" + file + "' AS l RETURN l",
                "LOAD // x\nCSV FROM '" + file + "' AS l RETURN l",
                "load\tcsv from '" + file + "' as l return l",
                "LOAD CSV WITH HEADERS FROM 'file:///etc/passwd' AS l RETURN l",
                "LOAD CSV FROM 'http://127.0.0.1:" + port + "/actuator/health' AS l RETURN l",
                "CALL { LOAD CSV FROM '" + file + "' AS l RETURN l } RETURN l",
                "RETURN COLLECT { LOAD CSV FROM '" + file + "' AS l RETURN l } AS rows",
                "LO\\u0041D CSV FROM '" + file + "' AS l RETURN l",
                "CYPHER 5 LOAD CSV FROM '" + file + "' AS l RETURN l")) {
            Reply r = cypher(ADMIN, q, Map.of());
            assertThat(r.status()).as(q + " -> " + r.text()).isIn(400, 403);
            assertThat(r.text()).doesNotContain("hunter2").doesNotContain("root:").doesNotContain("EXPLAIN")
                    .doesNotContain("Exception");
        }
        Reply param = cypher(ADMIN, "LOAD CSV FROM $url AS l RETURN l", Map.of("url", file));
        assertThat(param.status()).isEqualTo(403);
        assertThat(graph()).isEqualTo(before);
    }

    @Test
    void readersCannotAdministerTransactions() throws Exception {
        Graph before = graph();
        for (String q : List.of("SHOW TRANSACTIONS", "show /* x */ transactions yield *",
                "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "TERMINATE\nTRANSACTIONS 'neo4j-transaction-1'",
                "SHOW TRANSACTIONS YIELD transactionId TERMINATE TRANSACTIONS transactionId",
                "CALL dbms.listConfig()", "CALL `dbms`.`listTransactions`()", "SHOW USERS", "SHOW SETTINGS",
                "SHOW PROCEDURES", "USE system SHOW DATABASES", "CALL db.createLabel('Hacked')",
                "CALL db.index.fulltext.drop('chunk_text')", "CREATE (:Hacked)", "MATCH (d:Document) DETACH DELETE d",
                "CALL { MATCH (d:Document) SET d.title = 'x' } IN TRANSACTIONS")) {
            Reply r = cypher(ADMIN, q, Map.of());
            assertThat(r.status()).as(q + " -> " + r.text()).isIn(400, 403);
            assertThat(r.text()).doesNotContain("transactionId\":\"neo4j").doesNotContain("Exception");
        }
        assertThat(graph()).isEqualTo(before);
    }

    @Test
    void cypherErrorsRevealNoRewrites() throws Exception {
        Reply r = cypher(ADMIN, "MATCH (n) RETURN m", Map.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).doesNotContain("EXPLAIN").doesNotContain("CYPHER 25").doesNotContain("Exception")
                .doesNotContain("org.neo4j");
        Reply ok = cypher(ADMIN, "MATCH (d:Document) RETURN count(d) AS n", Map.of());
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
        assertThat(ok.body().get("rows").get(0).get(0).asLong()).isEqualTo(3);
    }

    // ---- finding 4: unbounded inputs ----

    @Test
    void oversizedQuestionsAndBodiesAreRefusedQuickly() throws Exception {
        Graph before = graph();
        Reply fiveMb = post("/api/query", ADMIN, Map.of("question", "Lisbon ".repeat(750_000)));
        assertThat(fiveMb.status()).as(fiveMb.text()).isEqualTo(413);
        assertThat(fiveMb.message()).contains("limit");

        Reply long5k = post("/api/query", ADMIN, Map.of("question", "q".repeat(5_000)));
        assertThat(long5k.status()).isEqualTo(400);
        assertThat(long5k.message()).contains("4000").contains("ENGRAM_MAX_QUESTION_CHARS");

        Reply chat = post("/v1/chat/completions", ADMIN, Map.of("model", "engram-dense",
                "messages", List.of(Map.of("role", "user", "content", "q".repeat(5_000)))));
        assertThat(chat.status()).isEqualTo(400);
        assertThat(chat.message()).contains("limit");

        Reply stream = post("/api/query/stream", ADMIN, Map.of("question", "q".repeat(5_000)));
        assertThat(stream.status()).isEqualTo(400);

        // a chunked body (no Content-Length) is cut off as it grows
        byte[] big = ("{\"question\": \"" + "x".repeat(2_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        Reply chunked = send(request("/api/query", ADMIN).header("Content-Type", "application/json")
                .POST(chunked(big)).build());
        assertThat(chunked.status()).as(chunked.text()).isEqualTo(413);

        assertThat(post("/api/query", ADMIN, Map.of("question", "Lisbon?", "topK", 1_000_000)).status()).isEqualTo(400);
        assertThat(post("/api/query", ADMIN, Map.of("question", "Lisbon?", "topK", 0)).status()).isEqualTo(400);
        assertThat(get("/api/paths?from=lisbon&to=zorblax%20corporation&maxHops=50", ADMIN).status()).isEqualTo(400);
        assertThat(get("/api/entities?q=" + "x".repeat(5_000), ADMIN).status()).isEqualTo(400);
        assertThat(get("/api/documents?limit=100000", ADMIN).status()).isEqualTo(400);
        assertThat(cypher(ADMIN, "RETURN 1 // " + "x".repeat(30_000), Map.of()).status()).isEqualTo(400);
        assertThat(graph()).isEqualTo(before);
    }

    @Test
    void oversizedAndTooManyUploadsAreRefused() throws Exception {
        Graph before = graph();
        Reply big = upload(WRITER_A, Map.of("big.md", "word ".repeat(100_000)));
        assertThat(big.status()).as(big.text()).isEqualTo(413);
        Reply many = upload(WRITER_A, Map.of("1.md", "one", "2.md", "two", "3.md", "three", "4.md", "four"));
        assertThat(many.status()).as(many.text()).isEqualTo(400);
        assertThat(many.message()).contains("ENGRAM_MAX_UPLOAD_FILES");
        assertThat(graph()).isEqualTo(before);
    }

    @Test
    void malformedBodiesAre400sThatNameNoJavaTypes() throws Exception {
        Graph before = graph();
        for (String body : List.of("{\"question\": ", "[1, 2", "{\"question\": 1, \"topK\": \"many\"}",
                "{\"question\": \"x\", \"topK\": [1]}", "null", "", "{\"question\": \"x\", \"groups\": \"g\"}")) {
            for (String path : List.of("/api/query", "/api/cypher", "/v1/chat/completions", "/api/query/stream")) {
                Reply r = send(request(path, ADMIN).header("Content-Type", "application/json")
                        .POST(BodyPublishers.ofString(body)).build());
                assertThat(r.status()).as(path + " " + body + " -> " + r.text()).isEqualTo(400);
                assertThat(r.text()).doesNotContain("java.").doesNotContain("Exception").doesNotContain("tools.jackson")
                        .doesNotContain("com.fasterxml").doesNotContain("`");
            }
        }
        Reply type = get("/api/documents?limit=lots", ADMIN);
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.text()).doesNotContain("java.lang");
        assertThat(graph()).isEqualTo(before);
    }

    // ---- errors reveal nothing ----

    @Test
    void internalFailuresAre500sWithARequestIdTheLogAlsoHas() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        HttpResponse<String> response;
        System.setErr(new PrintStream(new TeeStream(original, log), true, StandardCharsets.UTF_8));
        try {
            response = http.send(request("/api/test-only/fail", ADMIN).GET().build(), HttpResponse.BodyHandlers.ofString());
        } finally {
            System.setErr(original);
        }
        assertThat(response.statusCode()).isEqualTo(500);
        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(response.body()).contains(id).doesNotContain("secret internal detail").doesNotContain("Hidden")
                .doesNotContain("IllegalStateException").doesNotContain("at org.");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains(id).contains("secret internal detail");
    }

    // ---- keys on every endpoint ----

    @Test
    void everyApiV1AndSparqlEndpointNeedsAKeyAndEveryWriteAWriteKey() throws Exception {
        Graph before = graph();
        Set<String> seen = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/") || pattern.startsWith("/v1/") || pattern.startsWith("/sparql")) {
                    for (var m : info.getMethodsCondition().getMethods()) {
                        seen.add(m.name() + " " + pattern);
                    }
                }
            }
        });
        // anything added later shows up here and is attacked like the rest
        assertThat(seen).contains("POST /api/documents", "POST /api/sync", "DELETE /api/documents/{id}", "DELETE /api/jobs/{id}",
                "GET /api/jobs", "GET /api/jobs/{id}", "POST /api/jobs/{id}/resume",
                "POST /api/cypher", "POST /api/query", "POST /v1/chat/completions", "GET /v1/models");
        for (String endpoint : seen) {
            String verb = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "secret.md");
            for (String key : new String[] {null, "wrong-key", "Bearer", "admin-key-but-longer", "ADMIN-KEY"}) {
                Reply r = send(request(path, null).header("Content-Type", "application/json")
                        .headers(key == null ? new String[] {"X-Nothing", "1"} : new String[] {"Authorization", "Bearer " + key})
                        .method(verb, BodyPublishers.ofString("{}")).build());
                assertThat(r.status()).as(endpoint + " with key " + key + " -> " + r.text()).isEqualTo(401);
            }
            if (!verb.equals("GET")) {
                boolean write = !(path.equals("/api/query") || path.equals("/api/query/stream") || path.equals("/api/cypher")
                        || path.equals("/api/sparql") || path.startsWith("/sparql") || path.startsWith("/v1/")
                        // reads that take their entity ids or facts in the body
                        || path.equals("/api/communities/membership") || path.equals("/api/evidence"));
                if (write) {
                    Reply readOnly = send(request(path, READER_A).header("Content-Type", "application/json")
                            .method(verb, BodyPublishers.ofString("{}")).build());
                    assertThat(readOnly.status()).as(endpoint + " with a read key -> " + readOnly.text()).isIn(403, 415);
                }
            }
        }
        Reply uploadRead = upload(READER_A, Map.of("r.md", "readers cannot write"));
        assertThat(uploadRead.status()).isEqualTo(403);
        assertThat(upload(null, Map.of("r.md", "no key")).status()).isEqualTo(401);
        assertThat(upload("wrong", Map.of("r.md", "wrong key")).status()).isEqualTo(401);
        assertThat(graph()).isEqualTo(before);
    }

    // ---- the explorer's first screen and supporting sentences stay within the reader's access ----

    @Test
    void overviewAndEvidenceShowOnlyWhatTheReaderMayRead() throws Exception {
        Graph before = graph();
        JsonNode a = get("/api/overview?limit=50", READER_A).body();
        JsonNode b = get("/api/overview?limit=50", READER_B).body();
        assertThat(a.get("figures").get("documents").asLong()).isEqualTo(2);
        assertThat(b.get("figures").get("documents").asLong()).isEqualTo(1);
        assertThat(b.toString()).doesNotContain("Zorblax").doesNotContain("Mira");
        assertThat(a.toString()).contains("Zorblax").doesNotContain("Velmora");
        // B names A's chunks (ids are guessable) and its entities: no sentence comes back
        String chunks = cypher(ADMIN, "MATCH (c:Chunk) WHERE c.tenant = 'tenantA' RETURN collect(c.id)", Map.of()).body()
                .get("rows").get(0).get(0).toString();
        List<String> chunkIds = json.readValue(chunks, json.getTypeFactory().constructCollectionType(List.class, String.class));
        Reply evidence = post("/api/evidence", READER_B, Map.of("facts", List.of(Map.of("source", "zorblax corporation",
                "target", "lisbon", "predicate", "will open an office in", "chunkIds", chunkIds))));
        assertThat(evidence.status()).isEqualTo(200);
        assertThat(evidence.body().get(0).get("sentences")).isEmpty();
        Reply own = post("/api/evidence", READER_A, Map.of("facts", List.of(Map.of("source", "x", "target", "y",
                "predicate", "p", "chunkIds", chunkIds))));
        assertThat(own.body().get(0).get("sentences").toString()).contains("Zorblax");
        assertThat(get("/api/overview?limit=100000", READER_A).status()).isEqualTo(400);
        assertThat(graph()).isEqualTo(before);
    }

    // ---- curation: entities are shared by every tenant, so only a write key for all tenants may edit them ----

    @Test
    void curationIsRefusedToReadKeysAndTenantScopedWriteKeysAndTheGraphIsUnchanged() throws Exception {
        JsonNode ids = cypher(ADMIN, "MATCH (s:Entity)-[r:RELATION]->(o:Entity) RETURN s.id, r.predicate, o.id ORDER BY s.id LIMIT 1",
                Map.of()).body().get("rows").get(0);
        String s = ids.get(0).asText();
        String p = ids.get(1).asText();
        String o = ids.get(2).asText();
        Graph before = graph();
        for (String key : List.of(READER_A, READER_B, WRITER_A, WRITER_B)) {
            List<Reply> attempts = List.of(
                    post("/api/curation/merge", key, Map.of("into", s, "merged", List.of(o))),
                    post("/api/curation/rename", key, Map.of("id", s, "name", "Pwned")),
                    post("/api/curation/delete-relation", key, Map.of("source", s, "predicate", p, "target", o)),
                    post("/api/curation/delete-entity", key, Map.of("id", o)),
                    post("/api/curation/undo", key, Map.of()),
                    get("/api/curation/duplicates", key),
                    get("/api/curation/audit", key));
            for (Reply r : attempts) {
                assertThat(r.status()).as(key + " -> " + r.text()).isEqualTo(403);
                assertThat(r.message()).containsAnyOf("read-only", "tenant *").doesNotContain(s).doesNotContain("tenantA");
            }
        }
        assertThat(graph()).as("nothing changed by a refused curation call").isEqualTo(before);

        // the administrator may: a rename is audited under the key's fingerprint (never the key), and undone
        assertThat(get("/api/curation/duplicates", ADMIN).status()).isEqualTo(200);
        Reply renamed = post("/api/curation/rename", ADMIN, Map.of("id", s, "name", "Renamed by admin"));
        assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
        JsonNode audit = get("/api/curation/audit", ADMIN).body();
        assertThat(audit.get(0).get("who").asText()).startsWith("key sha256:").doesNotContain(ADMIN);
        assertThat(audit.get(0).get("summary").asText()).endsWith(" to Renamed by admin");
        assertThat(post("/api/curation/undo", ADMIN, Map.of()).status()).isEqualTo(200);
        assertThat(cypher(ADMIN, "MATCH (e:Entity {id: $id}) RETURN e.name", Map.of("id", s)).body().get("rows").get(0).get(0).asText())
                .isNotEqualTo("Renamed by admin");
        assertThat(post("/api/curation/merge", ADMIN, Map.of("into", s, "merged", List.of("no-such-entity"))).status()).isEqualTo(400);
        Reply tooMany = get("/api/curation/duplicates?limit=100000", ADMIN);
        assertThat(tooMany.status()).isEqualTo(400);
    }

    // ---- finding 5: the Bolt port bypassing keys and tenancy ----

    @Test
    void withApiKeysTheBoltPortNeedsThePasswordKeptOwnerOnlyInTheDataDirectory() throws Exception {
        Graph before = graph();
        String uri = runtime.store().boltUri();
        try (Driver anonymous = GraphDatabase.driver(uri, AuthTokens.none())) {
            assertThatThrownBy(() -> {
                try (Session s = anonymous.session()) {
                    s.run("CREATE (:Hacked {by: 'bolt'})").consume();
                }
            }).isInstanceOf(AuthenticationException.class);
        }
        try (Driver guess = GraphDatabase.driver(uri, AuthTokens.basic("neo4j", "neo4j"))) {
            assertThatThrownBy(guess::verifyConnectivity).isInstanceOf(AuthenticationException.class);
        }
        Path file = dataDir.resolve(BoltPassword.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String password = Files.readString(file).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(24);
        try (Driver owner = GraphDatabase.driver(uri, AuthTokens.basic("neo4j", password)); Session s = owner.session()) {
            assertThat(s.run("MATCH (d:Document) RETURN count(d) AS n").single().get("n").asLong()).isEqualTo(3);
        }
        assertThat(graph()).isEqualTo(before);
    }

    // ---- helpers ----

    /**
     * Counts plus a hash of every node's labels and properties and every relationship's type and properties; job
     * records aside (each upload adds one, and a running job's heartbeat changes it), which the job tests compare.
     */
    record Graph(long nodes, long relationships, String fingerprint) {}

    Graph graph() {
        try (Session s = runtime.store().session()) {
            long nodes = s.run("MATCH (n) WHERE NOT n:IngestJob RETURN count(n)").single().get(0).asLong();
            long rels = s.run("MATCH ()-[r]->() RETURN count(r)").single().get(0).asLong();
            List<String> lines = new ArrayList<>();
            s.run("MATCH (n) WHERE NOT n:IngestJob RETURN labels(n) AS l, properties(n) AS p").forEachRemaining(r ->
                    lines.add(r.get("l").asList().toString() + props(r.get("p").asMap())));
            s.run("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p").forEachRemaining(r ->
                    lines.add(r.get("a").asString(null) + "-" + r.get("t").asString() + "->" + r.get("b").asString(null)
                            + props(r.get("p").asMap())));
            lines.sort(null);
            return new Graph(nodes, rels, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8))));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String props(Map<String, Object> p) {
        Map<String, Object> sorted = new TreeMap<>(p);
        sorted.replaceAll((k, v) -> v instanceof List<?> l && k.contains("embedding") ? l.hashCode() : v);
        return sorted.toString();
    }

    record Reply(int status, String text, JsonNode body) {
        String message() {
            return body.path("message").asText();
        }
    }

    /** The finished status of a submitted job, whatever its end. */
    private JsonNode awaitFinished(Reply submitted) throws Exception {
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        String id = submitted.body().get("id").asText();
        for (int i = 0; i < 1200; i++) {
            JsonNode status = get("/api/jobs/" + id, ADMIN).body();
            if (status.get("finishedAt") != null && !status.get("finishedAt").isNull()) {
                return status;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    private JsonNode awaitSucceeded(Reply submitted) throws Exception {
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        return new JobPoll(id -> get("/api/jobs/" + id, ADMIN).body(), 1200, Duration.ofMillis(250))
                .succeeded(submitted.body().get("id").asText());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path, String key) {
        // an attack that keeps the server busy (a 5 MB question did, for ten minutes) fails the test instead of hanging it
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        return key == null ? b : b.header("Authorization", "Bearer " + key);
    }

    private Reply get(String path, String key) throws Exception {
        return send(request(path, key).GET().build());
    }

    private Reply delete(String path, String key) throws Exception {
        return send(request(path, key).DELETE().build());
    }

    private Reply post(String path, String key, Object body) throws Exception {
        return send(request(path, key).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(json.writeValueAsString(body))).build());
    }

    private Reply cypher(String key, String query, Map<String, Object> parameters) throws Exception {
        return post("/api/cypher", key, Map.of("query", query, "parameters", parameters));
    }

    private Reply upload(String key, Map<String, String> files) throws Exception {
        return upload(key, files, null);
    }

    private Reply upload(String key, Map<String, String> files, String tenant) throws Exception {
        return send(DocumentUpload.ofText(tenant, files).postedBy(request("/api/documents", key)).build());
    }

    /** A body sent without Content-Length (chunked transfer). */
    private static HttpRequest.BodyPublisher chunked(byte[] bytes) {
        HttpRequest.BodyPublisher fixed = BodyPublishers.ofByteArray(bytes);
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
                fixed.subscribe(subscriber);
            }
        };
    }

    private Reply send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        JsonNode node;
        try {
            node = text == null || text.isBlank() ? json.nullNode() : json.readTree(text);
        } catch (IOException e) {
            node = json.nullNode();
        }
        return new Reply(response.statusCode(), text, node);
    }

    /** Writes to two streams: the log stays visible while the test reads it. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
