package dev.engram.retrieval.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.engram.extraction.llm.CachedChat;
import dev.engram.extraction.llm.ChatMessage;
import dev.engram.extraction.llm.ChatOptions;
import dev.engram.extraction.llm.LlmException;
import java.util.List;

/**
 * The LLM calls made while answering a question (decomposition, hop answers, grading): JSON replies at temperature
 * 0, cached on disk like extraction calls ({@link CachedChat}), within {@link QueryLlmLimits}. A call never throws:
 * an HTTP error, a timeout, a reply that is not a JSON object or an exhausted budget come back as a failure whose
 * reason is safe to show a caller (no server address, no reply text).
 */
public final class QueryLlm {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .build();

    private final CachedChat chat;
    private final QueryLlmLimits limits;

    /** Calls through {@code chat} within {@code limits}. */
    public QueryLlm(CachedChat chat, QueryLlmLimits limits) {
        this.chat = chat;
        this.limits = limits;
    }

    /** The limits calls are made within. */
    public QueryLlmLimits limits() {
        return limits;
    }

    /** A fresh budget for one question. */
    public CallBudget budget() {
        return new CallBudget(limits.maxCalls());
    }

    /** Requests that went to the server, and answers served from the cache. */
    public long calls() {
        return chat.calls();
    }

    /** Answers served from the cache. */
    public long cacheHits() {
        return chat.cacheHits();
    }

    /**
     * Asks for a JSON object; the user text is cut to the prompt limit (less the system prompt). With a budget, the
     * call counts against it and is not made when none is left.
     */
    public Reply ask(String promptVersion, String system, String user, int maxTokens, CallBudget budget) {
        if (budget != null && !budget.take()) {
            return Reply.failed("call limit per question reached");
        }
        int room = Math.max(0, limits.promptChars() - system.length());
        String cut = user.length() <= room ? user : user.substring(0, room);
        String answer;
        try {
            answer = chat.complete(promptVersion, List.of(ChatMessage.system(system), ChatMessage.user(cut)),
                    ChatOptions.defaults().withTemperature(0).withMaxTokens(maxTokens).asJson());
        } catch (LlmException e) {
            return Reply.failed(e.status() == LlmException.NO_RESPONSE ? "no response (timeout or unreachable)"
                    : e.status() / 100 == 2 ? "unreadable reply" : "HTTP " + e.status());
        } catch (RuntimeException e) {
            return Reply.failed("unreadable reply");
        }
        JsonNode node = object(answer);
        return node == null ? Reply.failed("reply is not a JSON object") : new Reply(node, null);
    }

    // the outermost {...} of the reply, which models sometimes wrap in a code fence or a sentence
    static JsonNode object(String answer) {
        if (answer == null) {
            return null;
        }
        int start = answer.indexOf('{');
        int end = answer.lastIndexOf('}');
        if (start < 0 || end <= start) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(answer.substring(start, end + 1));
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Cuts a passage's text to the per-passage limit, on a word boundary where there is one. */
    public String passage(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= limits.passageChars()) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', limits.passageChars());
        return flat.substring(0, cut > limits.passageChars() / 2 ? cut : limits.passageChars()) + " …";
    }

    /** A JSON object the LLM answered, or why there is none. */
    public record Reply(JsonNode json, String failure) {
        static Reply failed(String why) {
            return new Reply(null, why);
        }

        /** True when the call gave a JSON object. */
        public boolean ok() {
            return json != null;
        }
    }
}
