package dev.engram.extraction.llm;

/** A request to the LLM server failed; the message says what failed and where. */
public class LlmException extends RuntimeException {

    /** {@link #status()} when no HTTP response was received (unreachable, timeout, interrupted). */
    public static final int NO_RESPONSE = -1;

    private final int status;

    public LlmException(int status, String message) {
        super(message);
        this.status = status;
    }

    public LlmException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status of the last attempt, or {@link #NO_RESPONSE}. */
    public int status() {
        return status;
    }
}
