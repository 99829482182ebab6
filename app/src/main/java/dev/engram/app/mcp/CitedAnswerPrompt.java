package dev.engram.app.mcp;

import dev.engram.app.server.InputLimits;
import dev.engram.app.server.ApiException;
import dev.engram.app.server.query.Answerer;
import dev.engram.app.server.query.QueryRequest;
import dev.engram.app.server.query.ValidQuery;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cited_answer}: a prompt holding the question, the retrieved passages and graph paths numbered [n], and the
 * instruction to answer from them only, citing each claim; the host's own model writes the answer.
 */
record CitedAnswerPrompt(Answerer answerer, InputLimits limits, McpCallers callers) {
    private static final Logger LOG = LoggerFactory.getLogger(CitedAnswerPrompt.class);
    static final String NAME = "cited_answer";

    SyncPromptSpecification specification() {
        Prompt prompt = Prompt.builder(NAME).title("Answer with citations")
                .description("Retrieve passages for a question and ask for an answer that cites them by [n].")
                .arguments(List.of(
                        PromptArgument.builder("question").description("The question to answer.").required(true).build(),
                        PromptArgument.builder("mode").description("Retrieval mode: graphrag (default), dense, bm25, hybrid or ppr.").required(false).build(),
                        PromptArgument.builder("top_k").description("How many passages to retrieve (default 5).").required(false).build()))
                .build();
        return new SyncPromptSpecification(prompt, (exchange, request) -> {
            try {
                Map<String, Object> args = request.arguments() == null ? Map.of() : request.arguments();
                ValidQuery q = ValidQuery.of(new QueryRequest(string(args, "question"), string(args, "mode"),
                        topK(string(args, "top_k")), null, null), callers.of(exchange), limits);
                String context = answerer.retrieve(q.question(), q.mode(), q.topK(), q.access()).context().text();
                String text = """
                        Answer the question below using only the numbered passages and graph paths that follow. \
                        Cite the passage behind every claim by its number in square brackets, like [1]. If they do \
                        not contain the answer, say that the documents do not say.

                        Question: %s

                        %s""".formatted(q.question(), context.isBlank() ? "(no passages were found)" : context);
                return GetPromptResult.builder(List.of(PromptMessage.builder(Role.USER, TextContent.builder(text).build()).build()))
                        .description("Cited answer to: " + q.question()).build();
            } catch (ApiException | IllegalArgumentException e) {
                throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(e.getMessage()).build();
            } catch (McpError e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.error("MCP prompt {} failed", NAME, e);
                throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
                        .message("the server could not build this prompt because of an internal error").build();
            }
        });
    }

    private static String string(Map<String, Object> args, String name) {
        Object value = args.get(name);
        return value == null ? null : value.toString();
    }

    private static Integer topK(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("top_k must be a whole number, was '" + text + "'");
        }
    }
}
