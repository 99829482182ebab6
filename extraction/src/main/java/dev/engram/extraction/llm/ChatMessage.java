package dev.engram.extraction.llm;

import java.util.Objects;

/** One message of a chat conversation: role is {@code system}, {@code user} or {@code assistant}. */
public record ChatMessage(String role, String content) {

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    /** A system message. */
    public static ChatMessage system(String content) {
        return new ChatMessage("system", content);
    }

    /** A user message. */
    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }

    /** An assistant message (used for few-shot examples). */
    public static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", content);
    }
}
