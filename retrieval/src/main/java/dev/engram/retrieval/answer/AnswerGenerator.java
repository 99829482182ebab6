package dev.engram.retrieval.answer;

import dev.engram.extraction.llm.ChatMessage;
import dev.engram.extraction.llm.ChatOptions;
import dev.engram.extraction.llm.ChatResponse;
import dev.engram.extraction.llm.LlmException;
import dev.engram.extraction.llm.OpenAiClient;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Answers a question from an assembled context with an OpenAI-compatible LLM, citing passages by their ids. Never
 * throws on LLM failures: the result then carries the error and the context, which is still worth showing. Exists
 * only when an LLM is configured; without one, callers show the {@link AssembledContext} itself. Thread-safe.
 */
public final class AnswerGenerator {

    static final String SYSTEM_PROMPT = """
            You answer questions using only the context you are given: graph paths between entities, then \
            passages numbered [1], [2], and so on.
            - Use only facts stated in the context, not your own knowledge.
            - Cite the passages that support each statement by their bracketed id, like [1] or [2][3].
            - If the context does not contain the answer, say that you don't know; do not guess.
            - Be concise: answer the question directly, then explain briefly if needed.""";

    private final OpenAiClient client;
    private final ChatOptions options;

    /** A generator sampling at temperature 0, so that answers are as reproducible as the server allows. */
    public AnswerGenerator(OpenAiClient client) {
        this(client, ChatOptions.defaults().withTemperature(0));
    }

    /** A generator with these sampling options. */
    public AnswerGenerator(OpenAiClient client, ChatOptions options) {
        this.client = Objects.requireNonNull(client, "client");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The messages sent to the LLM for {@code question} over {@code context}. */
    public List<ChatMessage> prompt(String question, AssembledContext context) {
        String contextText = context.text().isEmpty() ? "(no context was found)" : context.text();
        String user = "Context:\n" + contextText + "\n\nQuestion: " + question.strip();
        return List.of(ChatMessage.system(SYSTEM_PROMPT), ChatMessage.user(user));
    }

    /** Answers {@code question} from {@code context} in one request. */
    public GeneratedAnswer generate(String question, AssembledContext context) {
        return answer(context, () -> client.complete(prompt(question, context), options));
    }

    /**
     * Answers {@code question} from {@code context}, streaming: {@code onDelta} receives the answer's pieces in order
     * as they arrive. If the stream breaks halfway, pieces already delivered stay delivered and the result is an error.
     */
    public GeneratedAnswer generate(String question, AssembledContext context, Consumer<String> onDelta) {
        Objects.requireNonNull(onDelta, "onDelta");
        return answer(context, () -> client.stream(prompt(question, context), options, onDelta));
    }

    private GeneratedAnswer answer(AssembledContext context, Supplier<ChatResponse> call) {
        ChatResponse response;
        try {
            response = call.get();
        } catch (LlmException e) {
            return GeneratedAnswer.failed(context, "Could not generate an answer: " + e.getMessage());
        } catch (RuntimeException e) {
            // Anything else (a failing delta consumer, say) must not lose the context either.
            return GeneratedAnswer.failed(context, "Could not generate an answer: " + e);
        }
        String answer = response.content().strip();
        return GeneratedAnswer.of(answer, CitationParser.cited(answer, context), context);
    }
}
