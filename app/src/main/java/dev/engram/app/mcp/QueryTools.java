package dev.engram.app.mcp;

import dev.engram.app.server.InputLimits;
import dev.engram.app.server.query.Answerer;
import dev.engram.app.server.query.QueryRequest;
import dev.engram.app.server.query.ValidQuery;
import dev.engram.retrieval.Mode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** {@code retrieve} and {@code answer}: the question-answering tools, through the same {@link Answerer} as {@code /api/query}. */
final class QueryTools {
    /** Longest question a tool accepts. */
    static final int MAX_QUESTION_CHARS = 4000;

    private static final String MODES = """
            How to search: graphrag (default and usually best: links the question to entities and facts, spreads \
            Personalized PageRank over the knowledge graph and fuses it with dense retrieval; good for multi-hop \
            questions), dense (embedding similarity only), bm25 (exact words, good for rare names and codes), hybrid \
            (dense + bm25), ppr (graph only).""";

    private final Answerer answerer;
    private final InputLimits limits;

    QueryTools(Answerer answerer, InputLimits limits) {
        this.answerer = answerer;
        this.limits = limits;
    }

    List<EngramTool> tools() {
        List<EngramTool> tools = new ArrayList<>();
        tools.add(EngramTool.reading("retrieve", "Retrieve cited passages",
                """
                Find the passages of the ingested documents that answer a question, ranked, with citations. Use this \
                first for any question about what the documents say. Returns passages (citation number [n], chunkId, \
                documentId, title, text, score), paths (the knowledge-graph facts linking the question's entities to \
                the answer, written out like 'Ridley Scott —directed→ Black Hawk Down', with the chunk ids they come \
                from), seeds (the entities the question was linked to) and context (passages and paths assembled as one \
                cited text to answer from). Cite passages by their [n]; open more of a document with get_chunk or \
                get_document.""",
                schema(), call -> {
                    ValidQuery q = valid(call);
                    return answerer.retrieve(q.question(), q.mode(), q.topK(), q.access()).response(null);
                }));
        if (answerer.generates()) {
            tools.add(EngramTool.reading("answer", "Answer with citations",
                    """
                    Answer a question with the server's language model from the passages retrieve would find, citing \
                    them by [n]. Returns everything retrieve returns plus answer {text, cited (the [n] used), error}. \
                    Prefer retrieve when you will write the answer yourself.""",
                    schema(), call -> {
                        ValidQuery q = valid(call);
                        return answerer.answer(q.question(), q.mode(), q.topK(), q.access());
                    }));
        }
        return tools;
    }

    private Map<String, Object> schema() {
        return JsonSchema.object()
                .requiredString("question", "The question, in natural language.", MAX_QUESTION_CHARS)
                .choice("mode", MODES, Arrays.stream(Mode.values()).map(Mode::id).toList(), Mode.GRAPHRAG.id())
                .integer("top_k", "How many passages to return.", 1, limits.topK(), 5)
                .build();
    }

    /** The tool's arguments through the REST API's own validation (same defaults, bounds and messages). */
    private ValidQuery valid(ToolCall call) {
        ToolArguments args = call.arguments();
        return ValidQuery.of(new QueryRequest(args.string("question"), args.string("mode"), args.integer("top_k"), null, null),
                call.caller(), limits);
    }
}
