package dev.engram.app.server.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Request and response bodies of the OpenAI-compatible API (the subset chat clients use). */
public final class ChatRecords {
    private ChatRecords() {}

    /** One message of a conversation. */
    public record Message(String role, String content) {}

    /** {@code POST /v1/chat/completions}; {@code top_k} is Engram's own extension. */
    public record ChatRequest(String model, List<Message> messages, Boolean stream,
                              @JsonProperty("top_k") Integer topK) {}

    /** A model in {@code GET /v1/models}. */
    public record Model(String id, String object, long created, @JsonProperty("owned_by") String ownedBy) {}

    /** The list answered by {@code GET /v1/models}. */
    public record ModelList(String object, List<Model> data) {}

    /** A whole completion; {@code covered} false when nothing relevant to the question was found in the corpus. */
    public record Completion(String id, String object, long created, String model, List<Choice> choices,
                             Usage usage, List<Source> sources, Boolean covered) {}

    /** The one choice of a completion. */
    public record Choice(int index, Message message, @JsonProperty("finish_reason") String finishReason) {}

    /** A streamed piece of a completion. */
    public record Chunk(String id, String object, long created, String model, List<DeltaChoice> choices) {}

    /** The one choice of a streamed piece. */
    public record DeltaChoice(int index, Delta delta, @JsonProperty("finish_reason") String finishReason) {}

    /** What a streamed piece adds. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delta(String role, String content) {}

    /** Token counts; Engram reports the context's estimate only. */
    public record Usage(@JsonProperty("prompt_tokens") int promptTokens,
                        @JsonProperty("completion_tokens") int completionTokens,
                        @JsonProperty("total_tokens") int totalTokens) {}

    /**
     * A passage cited as {@code [citation]} in the answer (an Engram extension clients may ignore), with its pages and
     * section path and the citation as a person reads it ({@code [3] Annual report 2025, p. 14, §2.1 Revenue}).
     */
    public record Source(int citation, String chunkId, String documentId, String title,
                         dev.engram.records.document.PassagePlace place, String label) {}
}
