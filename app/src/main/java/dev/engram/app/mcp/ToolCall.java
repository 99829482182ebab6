package dev.engram.app.mcp;

import dev.engram.app.server.security.Caller;

/** One tool invocation as a tool body sees it: who calls, with what, and where progress goes. */
record ToolCall(Caller caller, ToolArguments arguments, Progress progress) {

    /** Progress of long work, sent to the client when it asked for it (a progress token), dropped otherwise. */
    @FunctionalInterface
    interface Progress {
        /** Reports {@code done} out of {@code total} (null when unknown) with a short message. */
        void report(double done, Double total, String message);

        /** Progress nobody listens to. */
        Progress NONE = (done, total, message) -> {};
    }
}
