package dev.engram.app.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.app.server.ServerTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.engram.app.mcp.RestClient.Reply;
import dev.engram.app.mcp.TypeScriptMcpClient.Session;
import dev.engram.app.runtime.EngramRuntime;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Engram's MCP server driven by a client this project did not write, the official TypeScript SDK, over Streamable
 * HTTP (a real server on a random port, with API keys and two tenants) and over stdio ({@code engram mcp} in a
 * child JVM on the same graph). The demo corpus (HippoRAG's movies case study) belongs to tenantA, a small corpus
 * to tenantB. Every read tool's result is checked against the REST endpoint it mirrors; the write tools, the
 * read-only Cypher guard and tenancy are checked by trying what must be refused and looking at the graph after.
 * Read-only tests run first (ordered), the writing ones last.
 */
@TestPropertySource(properties = {
        // with API keys the embedded Bolt port needs a password; the stdio child connects with it
        "engram.bolt-password=" + McpClientTest.BOLT_PASSWORD,
        "engram.cypher.timeout=5s",
        "engram.cypher.max-rows=200",
        "engram.mcp.ingest-wait=120s",
        "engram.mcp.session-idle=5s",
        "engram.api-keys=admin-key:write:*,reader-all:read:*,reader-a:read:tenantA,writer-a:write:tenantA,reader-b:read:tenantB"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class McpClientTest extends ServerTestBase {
    static final String BOLT_PASSWORD = "mcp-test-bolt-secret";
    static final String QUESTION = "Who directed Black Hawk Down?";

    static final String TENANT_B = """
            {"id": "b1", "title": "Velmora Institute", "text": "Velmora Institute was founded by Oskar Brandt in 1952. Velmora Institute studies deep sea fungi."}
            {"id": "b2", "title": "Oskar Brandt", "text": "Oskar Brandt is a biologist. Oskar Brandt directed the Velmora Institute for thirty years."}
            {"id": "b3", "title": "Harbour film", "text": "Harbour is a 1999 film directed by Oskar Brandt about the Velmora Institute."}
            """;

    static final List<String> READ_TOOLS = List.of("retrieve", "search_entities", "get_entity", "neighbourhood",
            "find_paths", "get_chunk", "get_document", "list_documents", "graph_schema");
    static final List<String> WRITE_TOOLS = List.of("ingest_text", "ingest_files", "get_job", "delete_document");

    static final Path INGEST_ROOT;
    static final Path OUTSIDE;

    static {
        try {
            Path files = Files.createTempDirectory("engram-mcp-files");
            INGEST_ROOT = Files.createDirectories(files.resolve("root"));
            OUTSIDE = Files.createDirectories(files.resolve("outside"));
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("engram.mcp.ingest-root", INGEST_ROOT::toString);
    }

    @Autowired EngramRuntime runtime;

    RestClient rest;
    TypeScriptMcpClient sdk;
    HttpServer llm;
    final List<String> llmPrompts = new CopyOnWriteArrayList<>();

    @BeforeAll
    void setUp() throws Exception {
        rest = new RestClient(port);
        String movies;
        try (InputStream in = getClass().getResourceAsStream("/demo/movies.jsonl")) {
            movies = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        rest.ingest(ADMIN, "movies.jsonl", movies, "tenantA");
        rest.ingest(ADMIN, "tenant-b.jsonl", TENANT_B, "tenantB");
        sdk = TypeScriptMcpClient.install();

        Files.createDirectories(INGEST_ROOT.resolve("notes"));
        Files.writeString(INGEST_ROOT.resolve("notes/alpha.md"), "# Quillon Works\n\nQuillon Works was founded by Dara Pell in 1974.\n");
        Files.writeString(INGEST_ROOT.resolve("notes/beta.txt"), "Dara Pell designed the Quillon lighthouse.\n");
        Files.writeString(OUTSIDE.resolve("secret.md"), "# Secret\n\nThe vault code is 4471.\n");
        Files.createSymbolicLink(INGEST_ROOT.resolve("escape.md"), OUTSIDE.resolve("secret.md"));
        Files.createDirectories(INGEST_ROOT.resolve("linked"));
        Files.writeString(INGEST_ROOT.resolve("linked/ok.md"), "# Fine\n\nA harmless note.\n");
        Files.createSymbolicLink(INGEST_ROOT.resolve("linked/inner.md"), OUTSIDE.resolve("secret.md"));
        Files.createDirectories(INGEST_ROOT.resolve("bad"));
        Files.writeString(INGEST_ROOT.resolve("bad/broken.pdf"), "%PDF-1.7\nnot a PDF past its first line\n");

        // the local OpenAI-compatible stand-in for an LLM, for the answer tool over stdio
        llm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        llm.createContext("/v1/chat/completions", exchange -> {
            llmPrompts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] reply = """
                    {"id": "c1", "object": "chat.completion", "model": "stand-in", "choices": [{"index": 0,
                     "message": {"role": "assistant", "content": "Ridley Scott directed Black Hawk Down [1]."},
                     "finish_reason": "stop"}], "usage": {"prompt_tokens": 10, "completion_tokens": 8}}
                    """.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        llm.start();
    }

    @AfterAll
    void tearDown() {
        if (llm != null) {
            llm.stop(0);
        }
    }

    String mcpUrl() {
        return "http://localhost:" + port + "/mcp";
    }

    // ---- HTTP: every read tool agrees with REST ----

    @Test
    @Order(1)
    void toolsAreListedWithSchemasAndDescriptions() throws Exception {
        Session s = sdk.http(mcpUrl(), ADMIN).listTools().run();
        assertThat(s.raw().get("serverInfo").get("name").asText()).isEqualTo("engram");
        assertThat(s.raw().get("instructions").asText()).contains("retrieve");
        List<String> names = s.toolNames(0);
        assertThat(names).containsAll(READ_TOOLS).containsAll(WRITE_TOOLS).contains("read_cypher")
                .as("no LLM is configured on this server").doesNotContain("answer");
        for (JsonNode tool : s.value(0).get("tools")) {
            String name = tool.get("name").asText();
            assertThat(tool.get("description").asText()).as(name).hasSizeGreaterThan(80);
            assertThat(tool.get("inputSchema").get("type").asText()).as(name).isEqualTo("object");
            assertThat(tool.get("annotations").get("readOnlyHint").asBoolean())
                    .as(name).isEqualTo(!List.of("ingest_text", "ingest_files", "delete_document").contains(name));
        }
        JsonNode retrieve = tool(s.value(0), "retrieve");
        assertThat(retrieve.get("inputSchema").get("required")).extracting(JsonNode::asText).containsExactly("question");
        assertThat(retrieve.get("inputSchema").get("properties").get("mode").get("enum")).extracting(JsonNode::asText)
                .contains("graphrag", "dense", "bm25", "hybrid", "ppr");
        assertThat(retrieve.get("inputSchema").get("properties").get("top_k").get("maximum").asInt()).isEqualTo(100);
    }

    @Test
    @Order(2)
    void retrievalToolsAgreeWithTheRestApi() throws Exception {
        Session s = sdk.http(mcpUrl(), READER_A)
                .call("retrieve", Map.of("question", QUESTION, "mode", "graphrag", "top_k", 5))
                .call("retrieve", Map.of("question", QUESTION, "mode", "bm25", "top_k", 3))
                .call("retrieve", Map.of("question", QUESTION))
                .run();
        JsonNode graphrag = s.structured(0);
        assertThat(normalized(graphrag)).isEqualTo(normalized(restQuery(READER_A, Map.of("question", QUESTION, "mode", "graphrag", "topK", 5))));
        assertThat(graphrag.get("passages")).hasSize(5);
        assertThat(graphrag.get("passages").findValuesAsText("title")).contains("Black Hawk Down");
        assertThat(graphrag.get("paths")).as("verbalized paths").isNotEmpty();
        assertThat(graphrag.get("paths").get(0).get("text").asText()).contains("→");
        assertThat(graphrag.get("seeds")).isNotEmpty();
        assertThat(graphrag.get("context").asText()).contains("[1]");
        assertThat(graphrag.get("covered").asBoolean()).as("the corpus holds the answer").isTrue();
        assertThat(graphrag.get("passages").findValuesAsText("grade")).hasSize(5).contains("relevant");
        assertThat(normalized(s.structured(1))).isEqualTo(normalized(restQuery(READER_A, Map.of("question", QUESTION, "mode", "bm25", "topK", 3))));
        assertThat(s.structured(2).get("mode").asText()).as("REST's default mode").isEqualTo("graphrag");
        assertThat(s.structured(2).get("passages")).as("REST's default topK").hasSize(5);
        // the text content carries the same JSON for hosts that read only text
        assertThat(normalized(json.readTree(s.value(0).get("content").get(0).get("text").asText()))).isEqualTo(normalized(graphrag));
    }

    @Test
    @Order(3)
    void graphToolsAgreeWithTheRestApi() throws Exception {
        JsonNode hits = rest.ok("/api/entities?q=Ridley%20Scott&k=5", READER_A);
        String ridley = hits.get(0).get("id").asText();
        assertThat(hits.get(0).get("name").asText()).isEqualToIgnoringCase("Ridley Scott");
        JsonNode retrieved = restQuery(READER_A, Map.of("question", QUESTION, "topK", 5));
        JsonNode path = retrieved.get("paths").get(0);
        String from = path.get("entityIds").get(0).asText();
        String to = path.get("entityIds").get(path.get("entityIds").size() - 1).asText();
        String chunkId = retrieved.get("passages").get(0).get("chunkId").asText();
        String documentId = retrieved.get("passages").get(0).get("documentId").asText();

        Session s = sdk.http(mcpUrl(), READER_A)
                .call("search_entities", Map.of("query", "Ridley Scott", "k", 5))
                .call("neighbourhood", Map.of("id", ridley, "limit", 20))
                .call("get_entity", Map.of("id", ridley))
                .call("find_paths", Map.of("from", from, "to", to, "max_hops", 3))
                .call("get_chunk", Map.of("id", chunkId))
                .call("get_document", Map.of("id", documentId))
                .call("list_documents", Map.of("limit", 1000))
                .call("list_documents", Map.of("offset", 10, "limit", 5))
                .call("graph_schema", Map.of())
                .run();
        assertThat(normalized(s.structured(0).get("entities"))).isEqualTo(normalized(hits));
        assertThat(normalized(s.structured(1))).isEqualTo(normalized(rest.ok("/api/nodes/" + RestClient.enc(ridley) + "/neighbourhood?limit=20", READER_A)));

        JsonNode hood = rest.ok("/api/nodes/" + RestClient.enc(ridley) + "/neighbourhood?limit=50", READER_A);
        JsonNode entity = s.structured(2);
        assertThat(normalized(entity.get("entity"))).isEqualTo(normalized(hood.get("center")));
        assertThat(normalized(entity.get("mentions"))).isEqualTo(normalized(hood.get("chunks")));
        List<String> restFacts = new ArrayList<>();
        hood.get("edges").forEach(e -> {
            if (e.get("type").asText().equals("RELATION")) {
                restFacts.add(e.get("source").asText() + "|" + e.get("predicate").asText() + "|" + e.get("target").asText()
                        + "|" + e.get("chunkIds"));
            }
        });
        List<String> mcpFacts = new ArrayList<>();
        entity.get("facts").forEach(f -> mcpFacts.add(f.get("subject").asText() + "|" + f.get("predicate").asText() + "|"
                + f.get("object").asText() + "|" + f.get("chunkIds")));
        assertThat(mcpFacts).isNotEmpty().isEqualTo(restFacts);
        assertThat(entity.get("facts").get(0).get("chunkIds")).as("provenance").isNotEmpty();

        JsonNode restPaths = rest.ok("/api/paths?from=" + RestClient.enc(from) + "&to=" + RestClient.enc(to) + "&maxHops=3", READER_A);
        JsonNode paths = s.structured(3).get("paths");
        assertThat(paths).hasSize(restPaths.size()).isNotEmpty();
        for (int i = 0; i < paths.size(); i++) {
            assertThat(normalized(paths.get(i).get("nodes"))).isEqualTo(normalized(restPaths.get(i).get("nodes")));
            assertThat(normalized(paths.get(i).get("edges"))).isEqualTo(normalized(restPaths.get(i).get("edges")));
            assertThat(paths.get(i).get("text").asText()).containsAnyOf("→", "←");
        }
        assertThat(normalized(s.structured(4))).isEqualTo(normalized(rest.ok("/api/chunks/" + RestClient.enc(chunkId), READER_A)));
        assertThat(normalized(s.structured(5))).isEqualTo(normalized(rest.ok("/api/documents/" + RestClient.enc(documentId), READER_A)));
        JsonNode all = rest.ok("/api/documents?limit=1000", READER_A);
        assertThat(normalized(s.structured(6).get("documents"))).isEqualTo(normalized(all));
        assertThat(all).hasSize(101);
        assertThat(normalized(s.structured(7).get("documents"))).isEqualTo(normalized(rest.ok("/api/documents?offset=10&limit=5", READER_A)));

        JsonNode schema = s.structured(8);
        assertThat(schema.get("labels")).extracting(JsonNode::asText).contains("Document", "Chunk", "Entity");
        assertThat(schema.get("relationshipTypes")).extracting(JsonNode::asText).contains("RELATION", "MENTIONS", "PART_OF");
        assertThat(schema.get("scoped").asBoolean()).as("reader-a is tenant-scoped").isTrue();
        assertThat(schema.get("nodeCounts").get("Document").asLong()).isEqualTo(101);
        long previous = Long.MAX_VALUE;
        for (JsonNode p : schema.get("predicates")) {
            assertThat(p.get("count").asLong()).isLessThanOrEqualTo(previous);
            previous = p.get("count").asLong();
        }
        assertThat(schema.get("predicates")).isNotEmpty();
        assertThat(schema.get("patterns").toString()).contains("MENTIONS", "RELATION");
    }

    @Test
    @Order(4)
    void schemaCountsMatchCypherForAnUnrestrictedKey() throws Exception {
        Session s = sdk.http(mcpUrl(), READER_ALL).call("graph_schema", Map.of("top_predicates", 5))
                .call("read_cypher", Map.of("query", "MATCH ()-[r:RELATION]->() RETURN r.predicate AS p, count(*) AS n "
                        + "ORDER BY n DESC, p LIMIT 5"))
                .call("read_cypher", Map.of("query", "MATCH (d:Document) WHERE d.tenant = $tenant RETURN count(d) AS n",
                        "parameters", Map.of("tenant", "tenantB")))
                .run();
        JsonNode schema = s.structured(0);
        assertThat(schema.get("scoped").asBoolean()).isFalse();
        assertThat(schema.get("nodeCounts").get("Document").asLong()).isEqualTo(rest.count(ADMIN, "Document")).isEqualTo(104);
        assertThat(schema.get("nodeCounts").get("Entity").asLong()).isEqualTo(rest.count(ADMIN, "Entity"));
        JsonNode top = s.structured(1).get("rows");
        assertThat(schema.get("predicates")).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(schema.get("predicates").get(i).get("predicate").asText()).isEqualTo(top.get(i).get(0).asText());
            assertThat(schema.get("predicates").get(i).get("count").asLong()).isEqualTo(top.get(i).get(1).asLong());
        }
        JsonNode restCypher = rest.post("/api/cypher", READER_ALL, Map.of("query",
                "MATCH (d:Document) WHERE d.tenant = $tenant RETURN count(d) AS n", "parameters", Map.of("tenant", "tenantB"))).body();
        assertThat(normalized(s.structured(2))).isEqualTo(normalized(restCypher));
        assertThat(s.structured(2).get("rows").get(0).get(0).asLong()).isEqualTo(3);
    }

    @Test
    @Order(5)
    void resourcesAndThePromptServeTheSameGraph() throws Exception {
        JsonNode retrieved = restQuery(READER_A, Map.of("question", QUESTION, "topK", 3));
        String chunkId = retrieved.get("passages").get(0).get("chunkId").asText();
        String documentId = retrieved.get("passages").get(0).get("documentId").asText();
        Session s = sdk.http(mcpUrl(), READER_A)
                .listResources().listResourceTemplates()
                .readResource(EngramResources.chunkUri(chunkId))
                .readResource(EngramResources.documentUri(documentId))
                .readResource(EngramResources.SCHEMA_URI)
                .readResource(EngramResources.documentUri("no-such-document"))
                .listPrompts()
                .getPrompt("cited_answer", Map.of("question", QUESTION, "top_k", "3"))
                .getPrompt("cited_answer", Map.of("question", " "))
                .run();
        assertThat(s.value(0).get("resources").findValuesAsText("uri")).contains("engram://schema");
        assertThat(s.value(1).get("resourceTemplates").findValuesAsText("uriTemplate"))
                .contains("engram://documents/{id}", "engram://chunks/{id}");
        assertThat(normalized(json.readTree(s.value(2).get("contents").get(0).get("text").asText())))
                .isEqualTo(normalized(rest.ok("/api/chunks/" + RestClient.enc(chunkId), READER_A)));
        assertThat(normalized(json.readTree(s.value(3).get("contents").get(0).get("text").asText())))
                .isEqualTo(normalized(rest.ok("/api/documents/" + RestClient.enc(documentId), READER_A)));
        assertThat(json.readTree(s.value(4).get("contents").get(0).get("text").asText()).get("nodeCounts").get("Document").asLong())
                .isEqualTo(101);
        assertThat(s.protocolError(5)).contains("no document with id 'no-such-document'");
        assertThat(s.value(6).get("prompts").findValuesAsText("name")).contains("cited_answer");
        String prompt = s.value(7).get("messages").get(0).get("content").get("text").asText();
        assertThat(prompt).contains(QUESTION, "[1]", "Cite", retrieved.get("context").asText());
        assertThat(s.protocolError(8)).contains("question is required");
    }

    @Test
    @Order(6)
    void badInputsAreToolErrorsWithClearMessages() throws Exception {
        Session s = sdk.http(mcpUrl(), ADMIN)
                .call("retrieve", Map.of("question", QUESTION, "top_k", 0))
                .call("retrieve", Map.of("question", QUESTION, "top_k", 101))
                .call("retrieve", Map.of("question", QUESTION, "mode", "telepathy"))
                .call("retrieve", Map.of("question", "   "))
                .call("retrieve", Map.of())
                .call("search_entities", Map.of("query", "Ridley", "k", 1000))
                .call("find_paths", Map.of("from", "a", "to", "b", "max_hops", 99))
                .call("get_entity", Map.of("id", "no such entity"))
                .call("get_chunk", Map.of("id", "no-such-chunk"))
                .call("list_documents", Map.of("limit", 5000))
                .call("read_cypher", Map.of("query", "MATCH (n RETURN n"))
                .call("retrieve", Map.of("question", "x".repeat(QueryTools.MAX_QUESTION_CHARS + 1)))
                .run();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            errors.add(s.toolError(i));
        }
        assertThat(errors.get(3)).contains("question is required");
        assertThat(errors.get(7)).contains("no entity with id 'no such entity'");
        assertThat(errors.get(8)).contains("no chunk with id 'no-such-chunk'");
        for (String e : errors) {
            assertThat(e).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("dev.engram");
        }
        // the service's own bound speaks when the schema's does not stop a call first: same message as REST
        assertThat(rest.get("/api/paths?from=a&to=b&maxHops=99", ADMIN).body().get("message").asText())
                .isEqualTo("maxHops must be between 1 and 6 (ENGRAM_MAX_HOPS), was 99");
    }

    // ---- HTTP: keys, tenancy, sessions ----

    @Test
    @Order(7)
    void mcpNeedsAKeyLikeTheRestApi() throws Exception {
        String init = """
                {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18",
                 "capabilities": {}, "clientInfo": {"name": "raw", "version": "1"}}}""";
        Reply none = rest.send(mcpPost(null, init).build());
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body().get("message").asText()).contains("API key is required");
        assertThat(rest.send(mcpPost("not-a-key", init).build()).status()).isEqualTo(401);
        JsonNode refused = sdk.http(mcpUrl(), null).listTools().runAllowingFailure();
        assertThat(refused.path("connectError").asText()).isNotBlank();

        // a browser page on another origin cannot drive /mcp through the user's browser
        Reply evil = rest.send(mcpPost(ADMIN, init).header("Origin", "http://evil.example").build());
        assertThat(evil.status()).isEqualTo(403);

        // a session belongs to the key profile that opened it: another key cannot ride on it
        var opened = rest.http().send(mcpPost(ADMIN, init).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        String session = opened.headers().firstValue("mcp-session-id").orElseThrow();
        String list = "{\"jsonrpc\": \"2.0\", \"id\": 2, \"method\": \"tools/list\"}";
        Reply own = rest.send(mcpPost(ADMIN, list).header("mcp-session-id", session).build());
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.text()).contains("ingest_text");
        Reply other = rest.send(mcpPost(READER_B, list).header("mcp-session-id", session).build());
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.text()).doesNotContain("ingest_text");

        // an abandoned session is forgotten after one to two idle periods (5 s here)
        Thread.sleep(12_000);
        assertThat(rest.send(mcpPost(ADMIN, list).header("mcp-session-id", session).build()).status()).isEqualTo(404);
    }

    @Test
    @Order(8)
    void aTenantKeySeesOnlyItsTenant() throws Exception {
        JsonNode movie = rest.ok("/api/documents/case-movies-00000", READER_A);
        String movieChunk = movie.get("chunks").get(0).get("id").asText();
        Session b = sdk.http(mcpUrl(), READER_B)
                .listTools()
                .call("retrieve", Map.of("question", QUESTION, "top_k", 10))
                .call("search_entities", Map.of("query", "Ridley Scott", "k", 10))
                .call("get_document", Map.of("id", "case-movies-00000"))
                .call("get_chunk", Map.of("id", movieChunk))
                .call("get_entity", Map.of("id", "ridley scott"))
                .call("list_documents", Map.of())
                .call("graph_schema", Map.of())
                .call("read_cypher", Map.of("query", "MATCH (d:Document) RETURN d.title"))
                .readResource(EngramResources.documentUri("case-movies-00000"))
                .getPrompt("cited_answer", Map.of("question", QUESTION))
                .run();
        assertThat(b.toolNames(0)).containsAll(READ_TOOLS).doesNotContainAnyElementsOf(WRITE_TOOLS)
                .as("raw Cypher is for unrestricted keys only").doesNotContain("read_cypher");
        JsonNode passages = b.structured(1).get("passages");
        assertThat(passages).isNotEmpty();
        assertThat(passages.findValuesAsText("documentId")).allMatch(id -> id.startsWith("b"));
        assertThat(b.structured(1).toString()).doesNotContain("Ridley").doesNotContain("case-movies");
        assertThat(normalized(b.structured(2).get("entities"))).isEqualTo(normalized(rest.ok("/api/entities?q=Ridley%20Scott&k=10", READER_B)));
        assertThat(b.structured(2).toString()).doesNotContain("ridley scott");
        assertThat(b.toolError(3)).contains("no document with id 'case-movies-00000'");
        assertThat(b.toolError(4)).contains("no chunk with id");
        assertThat(b.toolError(5)).contains("no entity with id 'ridley scott'");
        assertThat(b.structured(6).get("documents").findValuesAsText("id")).containsExactlyInAnyOrder("b1", "b2", "b3");
        JsonNode schema = b.structured(7);
        assertThat(schema.get("nodeCounts").get("Document").asLong()).isEqualTo(3);
        assertThat(schema.get("predicates").toString()).doesNotContain("Ridley");
        assertThat(b.protocolError(8)).containsIgnoringCase("unknown tool");
        assertThat(b.protocolError(9)).contains("no document with id");
        assertThat(b.value(10).toString()).doesNotContain("Ridley").doesNotContain("Black Hawk Down is");

        // and the other way round: tenant A's key never sees tenant B
        Session a = sdk.http(mcpUrl(), READER_A)
                .call("retrieve", Map.of("question", "Who founded the Velmora Institute?", "top_k", 10))
                .call("get_document", Map.of("id", "b1"))
                .run();
        assertThat(a.structured(0).get("passages").findValuesAsText("documentId")).noneMatch(id -> id.startsWith("b"));
        assertThat(a.structured(0).get("passages").toString()).doesNotContain("Velmora").doesNotContain("Oskar");
        assertThat(a.structured(0).get("paths").toString()).doesNotContain("oskar");
        // the movies corpus does not hold the answer, and the tool says so instead of offering its passages as one
        assertThat(a.structured(0).get("covered").asBoolean()).isFalse();
        assertThat(a.structured(0).get("note").asText()).contains("does not seem to hold the answer");
        assertThat(a.toolError(1)).contains("no document with id 'b1'");
    }

    @Test
    @Order(9)
    void readCypherRefusesWritesAndLeavesTheGraphAlone() throws Exception {
        long documents = rest.count(ADMIN, "Document");
        long entities = rest.count(ADMIN, "Entity");
        Session s = sdk.http(mcpUrl(), ADMIN)
                .call("read_cypher", Map.of("query", "CREATE (:Intruder {name: 'x'}) RETURN 1"))
                .call("read_cypher", Map.of("query", "MATCH (d:Document) DETACH DELETE d"))
                .call("read_cypher", Map.of("query", "MATCH (e:Entity) SET e.name = 'owned' RETURN count(e)"))
                .call("read_cypher", Map.of("query", "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line"))
                .call("read_cypher", Map.of("query", "CALL dbms.security.createUser('x', 'y', false)"))
                .call("read_cypher", Map.of("query", "MATCH (d:Document) RETURN count(d) AS n"))
                .run();
        for (int i = 0; i < 5; i++) {
            assertThat(s.toolError(i)).contains("read-only");
        }
        assertThat(s.structured(5).get("rows").get(0).get(0).asLong()).isEqualTo(documents);
        assertThat(rest.count(ADMIN, "Intruder")).isZero();
        assertThat(rest.count(ADMIN, "Document")).isEqualTo(documents);
        assertThat(rest.count(ADMIN, "Entity")).isEqualTo(entities);
        Reply owned = rest.post("/api/cypher", ADMIN, Map.of("query", "MATCH (e:Entity {name: 'owned'}) RETURN count(e)"));
        assertThat(owned.body().get("rows").get(0).get(0).asLong()).isZero();
    }

    @Test
    @Order(10)
    void aReadKeyCannotCallTheWriteTools() throws Exception {
        long documents = rest.count(ADMIN, "Document");
        long chunks = rest.count(ADMIN, "Chunk");
        for (String key : List.of(READER_ALL, READER_A)) {
            Session s = sdk.http(mcpUrl(), key)
                    .listTools()
                    .call("ingest_text", Map.of("id", "intruder", "text", "Mallory was here and wrote this."))
                    .call("ingest_files", Map.of("paths", List.of("notes")))
                    .call("delete_document", Map.of("id", "case-movies-00000"))
                    .run();
            assertThat(s.toolNames(0)).as(key).doesNotContainAnyElementsOf(WRITE_TOOLS);
            for (int i = 1; i <= 3; i++) {
                assertThat(s.protocolError(i)).as(key).containsIgnoringCase("unknown tool");
            }
        }
        Thread.sleep(1000); // had an ingest job been queued, it would have started by now
        assertThat(rest.count(ADMIN, "Document")).isEqualTo(documents);
        assertThat(rest.count(ADMIN, "Chunk")).isEqualTo(chunks);
        assertThat(rest.get("/api/documents/intruder", ADMIN).status()).isEqualTo(404);
        assertThat(rest.get("/api/documents/case-movies-00000", ADMIN).status()).isEqualTo(200);
    }

    // ---- HTTP: writing ----

    @Test
    @Order(20)
    void aWriteKeyIngestsTextIntoItsTenantAndDeletesIt() throws Exception {
        String text = "Quorvex Labs was founded by Ilsa Marron in 2011. Quorvex Labs builds tidal turbines.";
        Session s = sdk.http(mcpUrl(), WRITER_A)
                .listTools()
                .call("ingest_text", Map.of("id", "mcp-note", "title", "Quorvex Labs", "text", text))
                .call("ingest_text", Map.of("id", "mcp-note-b", "text", text, "tenant", "tenantB"))
                .call("ingest_text", Map.of("text", text, "acl", List.of("*")))
                .call("delete_document", Map.of("id", "b1"))
                .run();
        assertThat(s.toolNames(0)).containsAll(WRITE_TOOLS).doesNotContain("read_cypher");
        JsonNode job = s.structured(1);
        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("written").asLong()).isEqualTo(1);
        assertThat(normalized(job)).isEqualTo(normalized(rest.ok("/api/jobs/" + job.get("id").asText(), WRITER_A)));
        assertThat(s.toolError(2)).contains("may ingest only into tenant 'tenantA'");
        assertThat(s.toolError(3)).contains("may stamp only its own groups");
        assertThat(s.toolError(4)).contains("no document with id 'b1'");
        assertThat(rest.get("/api/documents/b1", ADMIN).status()).isEqualTo(200);
        assertThat(rest.get("/api/documents/mcp-note-b", ADMIN).status()).isEqualTo(404);

        JsonNode doc = rest.ok("/api/documents/mcp-note", READER_A);
        assertThat(doc.get("tenant").asText()).as("stamped with the key's tenant").isEqualTo("tenantA");
        assertThat(doc.get("title").asText()).isEqualTo("Quorvex Labs");
        assertThat(rest.get("/api/documents/mcp-note", READER_B).status()).isEqualTo(404);

        Session after = sdk.http(mcpUrl(), WRITER_A)
                .call("retrieve", Map.of("question", "Who founded Quorvex Labs?", "mode", "dense", "top_k", 3))
                .call("ingest_text", Map.of("id", "mcp-note", "title", "Quorvex Labs", "text", text))
                .call("get_job", Map.of("id", job.get("id").asText()))
                .call("delete_document", Map.of("id", "mcp-note"))
                .call("get_document", Map.of("id", "mcp-note"))
                .run();
        assertThat(after.structured(0).get("passages").get(0).get("documentId").asText()).isEqualTo("mcp-note");
        assertThat(after.structured(1).get("unchanged").asLong()).as("the same text again changes nothing").isEqualTo(1);
        assertThat(after.structured(2).get("id").asText()).isEqualTo(job.get("id").asText());
        assertThat(after.structured(3).get("deleted").asText()).isEqualTo("mcp-note");
        assertThat(after.toolError(4)).contains("no document with id 'mcp-note'");
        assertThat(rest.get("/api/documents/mcp-note", ADMIN).status()).isEqualTo(404);
    }

    @Test
    @Order(21)
    void ingestFilesReadsOnlyInsideTheIngestRoot() throws Exception {
        long documents = rest.count(ADMIN, "Document");
        Session refused = sdk.http(mcpUrl(), WRITER_A)
                .call("ingest_files", Map.of("paths", List.of("../outside/secret.md")))
                .call("ingest_files", Map.of("paths", List.of(OUTSIDE.resolve("secret.md").toString())))
                .call("ingest_files", Map.of("paths", List.of("/etc/hostname")))
                .call("ingest_files", Map.of("paths", List.of("escape.md")))
                .call("ingest_files", Map.of("paths", List.of("linked")))
                .call("ingest_files", Map.of("paths", List.of("notes/../../outside/secret.md")))
                .call("ingest_files", Map.of("paths", List.of("missing.md")))
                .run();
        assertThat(refused.toolError(0)).contains("'..'");
        assertThat(refused.toolError(1)).contains("outside the ingest root");
        assertThat(refused.toolError(2)).contains("outside the ingest root");
        assertThat(refused.toolError(3)).contains("symbolic link");
        assertThat(refused.toolError(4)).contains("symbolic link");
        assertThat(refused.toolError(5)).contains("'..'");
        assertThat(refused.toolError(6)).contains("nothing at 'missing.md'");
        Thread.sleep(1000);
        assertThat(rest.count(ADMIN, "Document")).as("nothing was ingested").isEqualTo(documents);
        Reply secret = rest.post("/api/cypher", ADMIN, Map.of("query",
                "MATCH (c:Chunk) WHERE c.text CONTAINS '4471' RETURN count(c)"));
        assertThat(secret.body().get("rows").get(0).get(0).asLong()).isZero();

        Session ok = sdk.http(mcpUrl(), WRITER_A)
                .callWithProgress("ingest_files", Map.of("paths", List.of("notes", INGEST_ROOT.resolve("linked/ok.md").toString())))
                .run();
        JsonNode job = ok.structured(0);
        JsonNode progress = ok.value(0).get("progressNotifications");
        assertThat(progress).as("long work shows progress").isNotEmpty();
        assertThat(progress.get(progress.size() - 1).get("progress").asInt()).isBetween(0, 3);
        assertThat(progress.get(progress.size() - 1).get("message").asText()).contains("documents done");
        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("written").asLong()).isEqualTo(3);
        // a folder's files are named by their path from it ("notes/alpha.md"), which a REST path cannot carry
        JsonNode ingested = rest.post("/api/cypher", ADMIN, Map.of("query", "MATCH (d:Document) WHERE d.id IN $ids "
                + "RETURN d.id, d.title, d.tenant ORDER BY d.id", "parameters",
                Map.of("ids", List.of("notes/alpha.md", "notes/beta.txt", "ok.md")))).body().get("rows");
        assertThat(ingested.toString()).isEqualTo(
                "[[\"notes/alpha.md\",\"Quillon Works\",\"tenantA\"],[\"notes/beta.txt\",\"beta\",\"tenantA\"],[\"ok.md\",\"Fine\",\"tenantA\"]]");
        assertThat(Files.exists(INGEST_ROOT.resolve("notes/alpha.md"))).as("files read in place are left alone").isTrue();
        Session cleanup = sdk.http(mcpUrl(), WRITER_A)
                .call("get_document", Map.of("id", "notes/alpha.md"))
                .call("delete_document", Map.of("id", "notes/alpha.md"))
                .call("delete_document", Map.of("id", "notes/beta.txt"))
                .call("delete_document", Map.of("id", "ok.md"))
                .run();
        assertThat(cleanup.structured(0).get("chunks").get(0).get("text").asText()).contains("Dara Pell");
        for (int i = 1; i <= 3; i++) {
            cleanup.structured(i);
        }
        assertThat(rest.count(ADMIN, "Document")).isEqualTo(documents);

        JsonNode failed = sdk.http(mcpUrl(), WRITER_A)
                .call("ingest_files", Map.of("paths", List.of("bad")))
                .run().structured(0);
        assertThat(failed.get("failed").asLong()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.get("errors").get(0).get("document").asText()).isEqualTo("bad/broken.pdf");
        assertThat(failed.toString()).as("the job's status names no server path")
                .doesNotContain(INGEST_ROOT.toString()).doesNotContain(INGEST_ROOT.toRealPath().toString());
        assertThat(rest.count(ADMIN, "Document")).isEqualTo(documents);
    }

    // ---- stdio ----

    @Test
    @Order(30)
    void stdioServesTheSameGraphAsOneLocalCaller() throws Exception {
        // this process also has an LLM (the local stand-in), so it offers answer
        String baseUrl = "http://127.0.0.1:" + llm.getAddress().getPort() + "/v1";
        Session s = sdk.stdio(engramMcp("--tenant", "tenantA"), childEnv(Map.of("ENGRAM_LLM_BASE_URL", baseUrl,
                        "ENGRAM_LLM_MODEL", "stand-in", "ENGRAM_LLM_CACHE_DIR", "none")))
                .listTools()
                .call("retrieve", Map.of("question", QUESTION, "mode", "graphrag", "top_k", 5))
                .call("search_entities", Map.of("query", "Ridley Scott", "k", 5))
                .call("list_documents", Map.of("limit", 1000))
                .call("get_document", Map.of("id", "b1"))
                .call("graph_schema", Map.of())
                .readResource(EngramResources.documentUri("case-movies-00000"))
                .call("answer", Map.of("question", QUESTION, "top_k", 3))
                .run();
        assertThat(s.raw().get("serverInfo").get("name").asText()).isEqualTo("engram");
        assertThat(s.toolNames(0)).containsAll(READ_TOOLS).contains("answer").doesNotContainAnyElementsOf(WRITE_TOOLS)
                .doesNotContain("read_cypher");
        JsonNode restAnswer = restQuery(READER_A, Map.of("question", QUESTION, "mode", "graphrag", "topK", 5));
        JsonNode stdioAnswer = s.structured(1);
        assertThat(stdioAnswer.get("passages").findValuesAsText("chunkId"))
                .isEqualTo(restAnswer.get("passages").findValuesAsText("chunkId"));
        assertThat(stdioAnswer.get("paths").findValuesAsText("text")).isEqualTo(restAnswer.get("paths").findValuesAsText("text"));
        assertThat(stdioAnswer.get("context").asText()).isEqualTo(restAnswer.get("context").asText());
        assertThat(normalized(s.structured(2).get("entities"))).isEqualTo(normalized(rest.ok("/api/entities?q=Ridley%20Scott&k=5", READER_A)));
        assertThat(normalized(s.structured(3).get("documents"))).isEqualTo(normalized(rest.ok("/api/documents?limit=1000", READER_A)));
        assertThat(s.toolError(4)).contains("no document with id 'b1'");
        assertThat(s.structured(5).get("nodeCounts").get("Document").asLong()).isEqualTo(101);
        assertThat(normalized(json.readTree(s.value(6).get("contents").get(0).get("text").asText())))
                .isEqualTo(normalized(rest.ok("/api/documents/case-movies-00000", READER_A)));

        JsonNode answer = s.structured(7);
        assertThat(answer.get("answer").get("text").asText()).isEqualTo("Ridley Scott directed Black Hawk Down [1].");
        assertThat(answer.get("answer").get("cited")).extracting(JsonNode::asInt).containsExactly(1);
        assertThat(answer.get("passages")).hasSize(3);
        assertThat(answer.get("answer").get("supportedBy")).as("citation [1] maps back to the chunk of the passage cited as [1]")
                .extracting(JsonNode::asText).containsExactly(java.util.stream.StreamSupport.stream(answer.get("passages").spliterator(), false)
                        .filter(p -> p.path("citation").asInt() == 1).findFirst().orElseThrow().get("chunkId").asText());
        assertThat(llmPrompts).as("the LLM was asked with the retrieved passages").anyMatch(p -> p.contains("Ridley Scott"));
    }

    @Test
    @Order(32)
    void stdioWriterIngestsAndDeletesInItsTenant() throws Exception {
        Session s = sdk.stdio(engramMcp("--tenant", "tenantA", "--role", "write", "--ingest-root", INGEST_ROOT.toString()),
                        childEnv(Map.of()))
                .listTools()
                .call("ingest_text", Map.of("id", "stdio-note", "text", "Pellow Farm grows blue barley near Inverlake."))
                .call("ingest_files", Map.of("paths", List.of("escape.md")))
                .call("delete_document", Map.of("id", "stdio-note"))
                .run();
        assertThat(s.toolNames(0)).containsAll(WRITE_TOOLS);
        assertThat(s.structured(1).get("state").asText()).as(s.structured(1).toString()).isEqualTo("SUCCEEDED");
        assertThat(s.toolError(2)).contains("symbolic link");
        assertThat(s.structured(3).get("deleted").asText()).isEqualTo("stdio-note");
        assertThat(rest.get("/api/documents/stdio-note", ADMIN).status()).isEqualTo(404);
        assertThat(rest.get("/api/documents/secret.md", ADMIN).status()).isEqualTo(404);
    }

    @Test
    @Order(33)
    void stdioWritesNothingButProtocolToStdoutAndStopsWhenTheHostCloses() throws Exception {
        Path stderr = Files.createTempFile("engram-mcp-stdio", ".log");
        Process child = new ProcessBuilder(engramMcp("--tenant", "tenantA")).redirectError(stderr.toFile()).start();
        List<String> lines = new ArrayList<>();
        try (OutputStream in = child.getOutputStream();
             BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            send(in, """
                    {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""");
            lines.add(readResponse(out, 1, lines));
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
            readResponse(out, 2, lines);
            send(in, """
                    {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"retrieve","arguments":{"question":"Who directed Black Hawk Down?"}}}""");
            readResponse(out, 3, lines);
        }
        // closing stdin is how a host stops its server
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("engram mcp exits when stdin closes").isTrue();
        assertThat(child.exitValue()).isZero();
        for (String line : lines) {
            JsonNode message = json.readTree(line);
            assertThat(message.get("jsonrpc").asText()).as(line).isEqualTo("2.0");
        }
        assertThat(lines.getLast()).contains("Black Hawk Down");
        assertThat(Files.readString(stderr)).contains("engram: MCP on stdio");
    }

    // ---- helpers ----

    private static void send(OutputStream in, String message) throws IOException {
        in.write((message.strip() + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Reads stdout lines (all kept in {@code lines}) until the response to {@code id}; every line must be JSON. */
    private String readResponse(BufferedReader out, int id, List<String> lines) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
            JsonNode message = json.readTree(line);
            if (message.has("id") && message.get("id").asInt() == id) {
                return line;
            }
        }
        throw new AssertionError("stdout ended before the response to " + id + ": " + lines);
    }

    /** {@code engram mcp} as a child JVM on the test server's graph (its embedded Bolt port). */
    private List<String> engramMcp(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1500m", "--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), "dev.engram.app.EngramCli", "mcp",
                "--neo4j-uri", runtime.store().boltUri(), "--neo4j-password", BOLT_PASSWORD, "--embed-threads", "1"));
        command.addAll(List.of(args));
        return command;
    }

    private static Map<String, String> childEnv(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        for (String name : List.of("PATH", "HOME", "LANG", "TMPDIR")) {
            if (System.getenv(name) != null) {
                env.put(name, System.getenv(name));
            }
        }
        env.putAll(extra);
        return env;
    }

    private HttpRequest.Builder mcpPost(String key, String body) {
        return rest.request("/mcp", key).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private JsonNode restQuery(String key, Map<String, Object> body) throws Exception {
        Reply r = rest.post("/api/query", key, body);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body();
    }

    private static JsonNode tool(JsonNode list, String name) {
        for (JsonNode t : list.get("tools")) {
            if (t.get("name").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no tool " + name);
    }

    /**
     * A copy without nulls and timings (which differ between two runs of the same query by nature), every number
     * as a double: the client is JavaScript, which writes 1.0 back as 1.
     */
    static JsonNode normalized(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = object.objectNode();
            object.properties().forEach(field -> {
                if (!field.getValue().isNull() && !field.getKey().equals("timingsMillis") && !field.getKey().equals("millis")) {
                    copy.set(field.getKey(), normalized(field.getValue()));
                }
            });
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = array.arrayNode();
            array.forEach(item -> copy.add(normalized(item)));
            return copy;
        }
        return node.isNumber() ? DoubleNode.valueOf(node.doubleValue()) : node;
    }
}
