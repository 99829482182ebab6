package dev.engram.app.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The official MCP TypeScript SDK ({@code @modelcontextprotocol/sdk}, pinned by src/test/mcp-client's
 * package-lock.json) run by Node: installs it once under target/mcp-client with {@code npm ci}, then runs
 * scenarios of MCP calls with client.mjs and returns what the SDK got back.
 */
final class TypeScriptMcpClient {
    private static final Path SOURCE = Path.of("src/test/mcp-client");
    private static final Path HOME = Path.of("target/mcp-client");
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final ObjectMapper json = new ObjectMapper();

    /** The client, installed if needed. */
    static TypeScriptMcpClient install() throws IOException, InterruptedException {
        Files.createDirectories(HOME);
        boolean lockChanged = !Files.exists(HOME.resolve("package-lock.json"))
                || Files.mismatch(SOURCE.resolve("package-lock.json"), HOME.resolve("package-lock.json")) >= 0;
        for (String file : List.of("package.json", "package-lock.json", "client.mjs")) {
            Files.copy(SOURCE.resolve(file), HOME.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (lockChanged || !Files.isDirectory(HOME.resolve("node_modules/@modelcontextprotocol/sdk"))) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(HOME.toFile()).redirectErrorStream(true)
                    .redirectOutput(HOME.resolve("npm-ci.log").toFile()).start();
            assertThat(npm.waitFor(10, TimeUnit.MINUTES)).as("npm ci finished").isTrue();
            assertThat(npm.exitValue()).as("npm ci: " + Files.readString(HOME.resolve("npm-ci.log"))).isZero();
        }
        return new TypeScriptMcpClient();
    }

    /** A scenario over Streamable HTTP with this bearer key (null: none). */
    Scenario http(String url, String key) {
        ObjectNode transport = json.createObjectNode().put("type", "http").put("url", url);
        if (key != null) {
            transport.put("key", key);
        }
        return new Scenario(transport);
    }

    /** A scenario over stdio: the SDK spawns {@code command} and speaks MCP on its stdin/stdout. */
    Scenario stdio(List<String> command, Map<String, String> env) {
        ObjectNode transport = json.createObjectNode().put("type", "stdio").put("command", command.getFirst());
        ArrayNode args = transport.putArray("args");
        command.subList(1, command.size()).forEach(args::add);
        transport.set("env", json.valueToTree(env));
        transport.put("cwd", Path.of("").toAbsolutePath().toString());
        return new Scenario(transport);
    }

    /** MCP calls to make in one session, in order. */
    final class Scenario {
        private final ObjectNode scenario = json.createObjectNode();
        private final ArrayNode steps = scenario.putArray("steps");

        private Scenario(ObjectNode transport) {
            scenario.set("transport", transport);
        }

        Scenario listTools() {
            steps.addObject().put("op", "listTools");
            return this;
        }

        Scenario call(String tool, Map<String, ?> arguments) {
            steps.addObject().put("op", "callTool").put("name", tool).set("arguments", json.valueToTree(arguments));
            return this;
        }

        /** A tool call that asks for progress notifications (kept as the result's progressNotifications). */
        Scenario callWithProgress(String tool, Map<String, ?> arguments) {
            steps.addObject().put("op", "callTool").put("name", tool).put("progress", true)
                    .set("arguments", json.valueToTree(arguments));
            return this;
        }

        Scenario listResources() {
            steps.addObject().put("op", "listResources");
            return this;
        }

        Scenario listResourceTemplates() {
            steps.addObject().put("op", "listResourceTemplates");
            return this;
        }

        Scenario readResource(String uri) {
            steps.addObject().put("op", "readResource").put("uri", uri);
            return this;
        }

        Scenario listPrompts() {
            steps.addObject().put("op", "listPrompts");
            return this;
        }

        Scenario getPrompt(String name, Map<String, String> arguments) {
            steps.addObject().put("op", "getPrompt").put("name", name).set("arguments", json.valueToTree(arguments));
            return this;
        }

        /** Runs the scenario in a fresh Node process; fails when the client could not even connect. */
        Session run() throws IOException, InterruptedException {
            JsonNode result = runAllowingFailure();
            assertThat(result.has("connectError")).as(result.path("connectError").asText()).isFalse();
            return new Session(result);
        }

        /** Runs the scenario and returns the raw outcome, a failed connection included. */
        JsonNode runAllowingFailure() throws IOException, InterruptedException {
            int n = RUNS.incrementAndGet();
            Path file = HOME.resolve("scenario-" + n + ".json");
            Path err = HOME.resolve("scenario-" + n + ".stderr.log");
            Files.writeString(file, json.writeValueAsString(scenario));
            Process node = new ProcessBuilder("node", "client.mjs", file.getFileName().toString())
                    .directory(HOME.toFile()).redirectError(err.toFile()).start();
            node.getOutputStream().close();
            byte[] out = node.getInputStream().readAllBytes();
            assertThat(node.waitFor(10, TimeUnit.MINUTES)).isTrue();
            String text = new String(out, StandardCharsets.UTF_8);
            assertThat(node.exitValue()).as("node client.mjs: " + text + "\n" + Files.readString(err)).isZero();
            return json.readTree(text);
        }
    }

    /** What one scenario got: the server's info and each step's outcome. */
    record Session(JsonNode raw) {
        /** The value of step {@code i}, which must have succeeded at the protocol level. */
        JsonNode value(int i) {
            JsonNode step = raw.get("results").get(i);
            assertThat(step.get("ok").asBoolean()).as("step " + i + ": " + step).isTrue();
            return step.get("value");
        }

        /** The structured result of tool call {@code i}, which must not be a tool error. */
        JsonNode structured(int i) {
            JsonNode value = value(i);
            assertThat(value.path("isError").asBoolean(false)).as("step " + i + ": " + value).isFalse();
            return value.get("structuredContent");
        }

        /** The message of tool call {@code i}, which must be a tool error. */
        String toolError(int i) {
            JsonNode value = value(i);
            assertThat(value.path("isError").asBoolean(false)).as("step " + i + " should be a tool error: " + value).isTrue();
            return value.get("content").get(0).get("text").asText();
        }

        /** The message of step {@code i}, which must have failed at the protocol level (a JSON-RPC error). */
        String protocolError(int i) {
            JsonNode step = raw.get("results").get(i);
            assertThat(step.get("ok").asBoolean()).as("step " + i + " should fail: " + step).isFalse();
            return step.get("error").asText();
        }

        /** The tool names listed by step {@code i}. */
        List<String> toolNames(int i) {
            List<String> names = new java.util.ArrayList<>();
            value(i).get("tools").forEach(t -> names.add(t.get("name").asText()));
            return names;
        }
    }
}
