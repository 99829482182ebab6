package dev.engram.retrieval.decompose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.retrieval.RankedPassage;
import dev.engram.retrieval.llm.CallBudget;
import dev.engram.retrieval.llm.QueryLlm;
import dev.engram.store.search.AccessFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers one hop of a multi-step question from the passages retrieved for it, with the LLM: a short name, or null
 * when the passages do not say. A failing or malformed reply resolves nothing (the note says why), so the caller
 * keeps the whole question's passages.
 */
public record LlmHopAnswerer(QueryLlm llm) implements HopResolver {
    static final String PROMPT_VERSION = "hop-answer-v1";
    static final int MAX_ANSWER_CHARS = 200;
    static final String SYSTEM = """
            You answer one step of a longer question from numbered passages only. Reply with one JSON object and \
            nothing else: {"answer": "<the entity or value, as short as possible>", "passage": <its number>}, or \
            {"answer": null} when the passages do not say.""";

    @Override
    public Resolution resolve(Plan.Step step, String text, String argument, List<RankedPassage> passages,
                              AccessFilter access, CallBudget budget) {
        if (passages.isEmpty()) {
            return Resolution.none("no passages to answer from");
        }
        int n = Math.min(passages.size(), llm.limits().maxPassages());
        StringBuilder user = new StringBuilder("Passages:\n");
        for (int i = 0; i < n; i++) {
            RankedPassage p = passages.get(i);
            user.append('[').append(i + 1).append("] ").append(p.title() == null ? "" : p.title() + ": ")
                    .append(llm.passage(p.text())).append('\n');
        }
        user.append("\nQuestion: ").append(text.strip());
        QueryLlm.Reply reply = llm.ask(PROMPT_VERSION, SYSTEM, user.toString(), 100, budget);
        if (!reply.ok()) {
            return Resolution.none("LLM hop answer failed (" + reply.failure() + ")");
        }
        JsonNode answer = reply.json().get("answer");
        if (answer == null || !(answer.isTextual() || answer.isNull())) {
            return Resolution.none("LLM hop answer failed (wrong shape: answer)");
        }
        if (answer.isNull() || answer.asText().isBlank()) {
            return Resolution.none("the LLM found no answer in the passages");
        }
        String name = answer.asText().strip();
        if (name.length() > MAX_ANSWER_CHARS || name.contains("\n")) {
            return Resolution.none("LLM hop answer failed (wrong shape: answer too long)");
        }
        List<String> chunks = new ArrayList<>();
        JsonNode cited = reply.json().get("passage");
        if (cited != null && cited.canConvertToInt() && cited.asInt() >= 1 && cited.asInt() <= n) {
            chunks.add(passages.get(cited.asInt() - 1).chunkId());
        }
        return new Resolution(new Bridge(name, "llm", chunks), null);
    }
}
