package dev.engram.extraction.llm;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link LocalOpenAiServer} and the clients a test opens on it, closed together after the test. */
public final class LocalLlm implements AutoCloseable {
    private final LocalOpenAiServer server = LocalOpenAiServer.start();
    private final List<OpenAiClient> clients = new CopyOnWriteArrayList<>();

    /** The server, for scripting replies and reading requests. */
    public LocalOpenAiServer server() {
        return server;
    }

    /** A config with defaults for the server and the model "test-model". */
    public LlmConfig config() {
        return LlmConfig.of(server.baseUrl(), "test-model");
    }

    /** A client on {@code config} (any server), closed with this. */
    public OpenAiClient client(LlmConfig config) {
        OpenAiClient client = new OpenAiClient(config);
        clients.add(client);
        return client;
    }

    @Override
    public void close() {
        clients.forEach(OpenAiClient::close);
        server.close();
    }
}
