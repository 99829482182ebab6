package dev.engram.extraction.llm;

import java.util.function.Consumer;

/** Assembles the {@code data:} payloads of a Server-Sent Events stream fed line by line. */
final class ServerSentEvents {

    private final Consumer<String> onData;
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;

    ServerSentEvents(Consumer<String> onData) {
        this.onData = onData;
    }

    /** Feeds one line (without its terminator); a blank line ends an event. */
    void line(String line) {
        if (line.isEmpty()) {
            dispatch();
        } else if (line.startsWith("data:")) {
            String value = line.substring(5);
            if (value.startsWith(" ")) value = value.substring(1);
            // Per the SSE spec several data lines of one event join with newlines.
            if (hasData) data.append('\n');
            data.append(value);
            hasData = true;
        }
        // Comments (":"), "event:", "id:" and "retry:" carry nothing an OpenAI stream needs.
    }

    /** Dispatches an event left open when the stream ended without a final blank line. */
    void end() {
        dispatch();
    }

    private void dispatch() {
        if (!hasData) return;
        String payload = data.toString();
        data.setLength(0);
        hasData = false;
        onData.accept(payload);
    }
}
