package dev.engram.extraction.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A local OpenAI-compatible HTTP server for tests, answering with scripted replies and recording every request. */
public final class LocalOpenAiServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A scripted answer: status, body, headers, a delay before answering, or SSE events to stream. */
    public record Reply(int status, String body, Map<String, String> headers, Duration delay, List<String> events) {

        /** 200 with a JSON body. */
        public static Reply json(String body) {
            return new Reply(200, body, Map.of(), Duration.ZERO, null);
        }

        /** Any status with a body. */
        public static Reply status(int status, String body) {
            return new Reply(status, body, Map.of(), Duration.ZERO, null);
        }

        /** 200 streaming these {@code data:} payloads, then {@code [DONE]}. */
        public static Reply sse(List<String> events) {
            return new Reply(200, "", Map.of(), Duration.ZERO, events);
        }

        /** This reply with one more header. */
        public Reply withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, body, more, delay, events);
        }

        /** This reply, sent only after {@code wait}. */
        public Reply after(Duration wait) {
            return new Reply(status, body, headers, wait, events);
        }
    }

    /** A request as the server received it. */
    public record Request(String method, String path, Map<String, List<String>> headers, String body) {

        /** The body parsed as JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The first value of a header (case-insensitive), or null. */
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ConcurrentLinkedDeque<Reply> script = new ConcurrentLinkedDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Function<Request, Reply> fallback =
            r -> Reply.status(500, "{\"error\": {\"message\": \"no scripted reply\"}}");

    private LocalOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server on 127.0.0.1 and a free port. */
    public static LocalOpenAiServer start() {
        try {
            return new LocalOpenAiServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The API root, like {@code http://127.0.0.1:PORT/v1}. */
    public String baseUrl() {
        return baseUrl(server.getAddress().getPort());
    }

    /** An API root on a loopback port that was free a moment ago, so connections to it are refused. */
    public static String unreachableBaseUrl() {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return baseUrl(closedPort);
    }

    private static String baseUrl(int port) {
        return "http://127.0.0.1:" + port + "/v1";
    }

    /** Queues replies, used in order before the fallback. */
    public LocalOpenAiServer enqueue(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** Answers requests the queue does not cover. */
    public LocalOpenAiServer respondWith(Function<Request, Reply> answer) {
        fallback = answer;
        return this;
    }

    /** Requests received so far. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Number of requests received so far. */
    public int requestCount() {
        return requests.size();
    }

    /** The most requests that were being handled at the same moment. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** A chat completion body whose message is {@code content}. */
    public static String chatCompletion(String content) {
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-test").put("object", "chat.completion")
                .put("model", "test-model");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        root.putObject("usage").put("prompt_tokens", 11).put("completion_tokens", 7);
        return root.toString();
    }

    /** Stream chunks carrying {@code pieces} as content deltas, the last with finish_reason "stop". */
    public static List<String> chatDeltas(String... pieces) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < pieces.length; i++) {
            ObjectNode chunk = JSON.createObjectNode().put("object", "chat.completion.chunk").put("model", "test-model");
            ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
            choice.putObject("delta").put("content", pieces[i]);
            if (i == pieces.length - 1) choice.put("finish_reason", "stop");
            else choice.putNull("finish_reason");
            events.add(chunk.toString());
        }
        return events;
    }

    /** An embeddings body with these vectors, listed in the given index order. */
    public static String embeddings(List<float[]> vectors, List<Integer> order) {
        ObjectNode root = JSON.createObjectNode().put("object", "list").put("model", "test-embedder");
        ArrayNode data = root.putArray("data");
        for (int index : order) {
            ArrayNode values = data.addObject().put("object", "embedding").put("index", index).putArray("embedding");
            for (float v : vectors.get(index)) values.add(v);
        }
        return root.toString();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body);
            requests.add(request);
            Reply reply = script.poll();
            if (reply == null) reply = fallback.apply(request);
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay());
                } catch (InterruptedException e) {
                    return; // the server is closing
                }
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            if (reply.events() != null) {
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                for (String event : reply.events()) {
                    out.write(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                out.write(": keep-alive comment\n\ndata: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            } else {
                byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) exchange.getResponseBody().write(bytes);
            }
        } catch (IOException clientGone) {
            // The client timed out and hung up: nothing to answer.
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
