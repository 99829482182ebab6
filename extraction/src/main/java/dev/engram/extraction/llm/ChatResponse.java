package dev.engram.extraction.llm;

/**
 * The answer of a chat completion.
 *
 * @param content          the assistant message text
 * @param model            the model that answered, as the server reports it
 * @param finishReason     why generation stopped ({@code stop}, {@code length}...), or {@code null} if not reported
 * @param promptTokens     prompt tokens reported by the server, 0 if not reported
 * @param completionTokens generated tokens reported by the server, 0 if not reported
 */
public record ChatResponse(String content, String model, String finishReason, int promptTokens, int completionTokens) {

    /** Whether generation was cut off by the token limit (the content is then likely truncated). */
    public boolean truncated() {
        return "length".equals(finishReason);
    }
}
