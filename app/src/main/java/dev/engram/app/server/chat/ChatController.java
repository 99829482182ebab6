package dev.engram.app.server.chat;

import dev.engram.app.server.ApiException;
import dev.engram.app.server.chat.ChatRecords.ChatRequest;
import dev.engram.app.server.chat.ChatRecords.Choice;
import dev.engram.app.server.chat.ChatRecords.Chunk;
import dev.engram.app.server.chat.ChatRecords.Completion;
import dev.engram.app.server.chat.ChatRecords.Delta;
import dev.engram.app.server.chat.ChatRecords.DeltaChoice;
import dev.engram.app.server.chat.ChatRecords.Message;
import dev.engram.app.server.chat.ChatRecords.Model;
import dev.engram.app.server.chat.ChatRecords.ModelList;
import dev.engram.app.server.chat.ChatRecords.Source;
import dev.engram.app.server.chat.ChatRecords.Usage;
import dev.engram.app.server.query.Answer;
import dev.engram.app.server.query.Answerer;
import dev.engram.app.server.query.Answerer.Retrieved;
import dev.engram.app.server.security.Caller;
import dev.engram.retrieval.Mode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The OpenAI-compatible surface, so chat front ends can talk to Engram: one model per retrieval mode
 * ({@code engram-graphrag}, {@code engram-dense}...). The last user message is the question; the answer comes
 * from the configured LLM over the retrieved context, or is the cited context itself when no LLM is configured.
 */
@RestController
public record ChatController(Answerer answerer) {
    private static final String PREFIX = "engram-";


    @GetMapping("/v1/models")
    ModelList models() {
        long created = 1_700_000_000L;
        return new ModelList("list", Arrays.stream(Mode.values())
                .map(m -> new Model(PREFIX + m.id(), "model", created, "engram")).toList());
    }

    @PostMapping(path = "/v1/chat/completions")
    Object complete(@RequestBody ChatRequest request, Caller caller) {
        if (request == null) {
            throw ApiException.badRequest("a JSON body {model, messages} is required");
        }
        Mode mode = mode(request.model());
        String question = lastUserMessage(request);
        int topK = request.topK() == null ? 5 : request.topK();
        Retrieved retrieved = answerer.retrieve(question, mode, topK, caller.access());
        String id = "chatcmpl-" + UUID.randomUUID();
        long created = Instant.now().getEpochSecond();
        String model = PREFIX + mode.id();
        if (Boolean.TRUE.equals(request.stream())) {
            return stream(retrieved, id, created, model);
        }
        Answer answer = answerer.generate(retrieved);
        String content = answer == null ? retrieved.plainReply()
                : answer.text() != null ? notCovered(retrieved) + answer.text()
                : answer.error() + "\n\n" + retrieved.plainReply();
        int prompt = retrieved.context().tokens();
        int completion = content.length() / 4;
        return new Completion(id, "chat.completion", created, model,
                List.of(new Choice(0, new Message("assistant", content), "stop")),
                new Usage(prompt, completion, prompt + completion), sources(retrieved),
                retrieved.result().coverage() == null ? null : retrieved.covered());
    }

    private SseEmitter stream(Retrieved retrieved, String id, long created, String model) {
        SseEmitter emitter = new SseEmitter(0L);
        Thread.ofVirtual().name("engram-chat-stream").start(() -> {
            try {
                send(emitter, new Chunk(id, "chat.completion.chunk", created, model,
                        List.of(new DeltaChoice(0, new Delta("assistant", ""), null))));
                if (answerer.generates() && !retrieved.covered()) {
                    send(emitter, new Chunk(id, "chat.completion.chunk", created, model,
                            List.of(new DeltaChoice(0, new Delta(null, notCovered(retrieved)), null))));
                }
                Answer answer = answerer.stream(retrieved, delta -> send(emitter, new Chunk(id, "chat.completion.chunk",
                        created, model, List.of(new DeltaChoice(0, new Delta(null, delta), null)))));
                if (answer != null && answer.error() != null) {
                    send(emitter, new Chunk(id, "chat.completion.chunk", created, model,
                            List.of(new DeltaChoice(0, new Delta(null, "\n\n" + answer.error()), null))));
                }
                send(emitter, new Chunk(id, "chat.completion.chunk", created, model,
                        List.of(new DeltaChoice(0, new Delta(null, null), "stop"))));
                emitter.send(SseEmitter.event().data("[DONE]", MediaType.TEXT_PLAIN));
                emitter.complete();
            } catch (IOException | RuntimeException e) {
                emitter.completeWithError(e);
            }
        });
        return emitter;
    }

    private static void send(SseEmitter emitter, Chunk chunk) {
        try {
            emitter.send(SseEmitter.event().data(chunk, MediaType.APPLICATION_JSON));
        } catch (IOException e) {
            throw new UncheckedIOException("the client went away", e);
        }
    }

    private static Mode mode(String model) {
        if (model == null || model.isBlank() || model.equals("engram")) {
            return Mode.GRAPHRAG;
        }
        if (!model.startsWith(PREFIX)) {
            throw ApiException.badRequest("unknown model '" + model + "'; GET /v1/models lists engram-<mode> models");
        }
        return Mode.parse(model.substring(PREFIX.length()));
    }

    private static String lastUserMessage(ChatRequest request) {
        if (request.messages() == null || request.messages().isEmpty()) {
            throw ApiException.badRequest("messages must hold at least one user message");
        }
        for (int i = request.messages().size() - 1; i >= 0; i--) {
            Message m = request.messages().get(i);
            if (m != null && "user".equals(m.role()) && m.content() != null && !m.content().isBlank()) {
                return m.content();
            }
        }
        throw ApiException.badRequest("messages hold no non-empty user message");
    }

    // a model's answer from passages graded as not relevant is flagged before it, in the message itself
    private static String notCovered(Retrieved retrieved) {
        return retrieved.covered() ? "" : retrieved.result().coverage().note() + "\n\n";
    }

    private static List<Source> sources(Retrieved retrieved) {
        return retrieved.context().citations().stream()
                .map(c -> new Source(c.id(), c.chunkId(), c.documentId(), c.title(), c.place(), c.label())).toList();
    }
}
