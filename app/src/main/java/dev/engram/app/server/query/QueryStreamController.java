package dev.engram.app.server.query;

import dev.engram.app.server.query.Answerer.Retrieved;
import dev.engram.app.server.query.StreamEvents.Delta;
import dev.engram.app.server.query.StreamEvents.Done;
import dev.engram.app.server.query.StreamEvents.Passages;
import dev.engram.app.server.InputLimits;
import dev.engram.app.server.security.Caller;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code POST /api/query/stream}: {@code /api/query} as Server-Sent Events — {@code passages} first, then
 * {@code delta} pieces of the answer while an LLM writes it, then {@code done}. Without an LLM: passages, done.
 */
@RestController
public record QueryStreamController(Answerer answerer, InputLimits limits) {
    private static final Logger LOG = LoggerFactory.getLogger(QueryStreamController.class);

    @PostMapping("/api/query/stream")
    SseEmitter stream(@RequestBody QueryRequest request, Caller caller) {
        // validation and retrieval run before the emitter is returned, so their failures are ordinary JSON errors
        ValidQuery q = ValidQuery.of(request, caller, limits);
        Retrieved retrieved = answerer.retrieve(q.question(), q.mode(), q.topK(), q.access());
        SseEmitter emitter = new SseEmitter(0L);
        Thread.ofVirtual().name("engram-query-stream").start(() -> emit(emitter, retrieved));
        return emitter;
    }

    private void emit(SseEmitter emitter, Retrieved retrieved) {
        try {
            send(emitter, "passages", Passages.of(retrieved.response(null)));
            send(emitter, "done", answerer.generates() ? generate(emitter, retrieved) : new Done(null, null));
            emitter.complete();
        } catch (UncheckedIOException e) {
            // the client went away; nothing is left to tell it
            emitter.completeWithError(e);
        } catch (RuntimeException e) {
            LOG.error("query stream failed", e);
            emitter.completeWithError(e);
        }
    }

    private Done generate(SseEmitter emitter, Retrieved retrieved) {
        try {
            Answer answer = answerer.stream(retrieved, piece -> send(emitter, "delta", new Delta(piece)));
            return new Done(answer, answer == null ? null : answer.error());
        } catch (UncheckedIOException e) {
            throw e;
        } catch (RuntimeException e) {
            // the passages are already out: end the stream with the reason instead of dropping the connection
            LOG.warn("answer generation failed", e);
            return new Done(null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static void send(SseEmitter emitter, String event, Object data) {
        try {
            emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException e) {
            throw new UncheckedIOException("the client went away", e);
        }
    }
}
