package dev.engram.app.server.query;

import dev.engram.retrieval.Seed;
import dev.engram.retrieval.VerbalizedPath;
import java.util.List;
import java.util.Map;

/** The JSON payloads of {@code POST /api/query/stream}'s events: {@code passages}, {@code delta}, {@code done}. */
public final class StreamEvents {
    private StreamEvents() {}

    /** {@code passages}: what retrieval found, sent before any answer text. */
    public record Passages(String question, String mode, Boolean covered, String note, List<CitedPassage> passages,
                           List<VerbalizedPath> paths, List<Seed> seeds, String context,
                           Map<String, Double> timingsMillis) {

        /** The retrieval part of a query response. */
        static Passages of(QueryResponse r) {
            return new Passages(r.question(), r.mode(), r.covered(), r.note(), r.passages(), r.paths(), r.seeds(),
                    r.context(), r.timingsMillis());
        }
    }

    /** {@code delta}: the next piece of answer text. */
    public record Delta(String text) {}

    /** {@code done}: the whole answer (null without an LLM) and why generation failed, if it did. */
    public record Done(Answer answer, String error) {}
}
