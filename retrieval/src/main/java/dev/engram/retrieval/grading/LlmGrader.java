package dev.engram.retrieval.grading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.retrieval.RankedPassage;
import dev.engram.retrieval.llm.QueryLlm;
import java.util.ArrayList;
import java.util.List;

/**
 * Grades retrieved passages with the LLM in one call: each of the first passages (up to the prompt limits) relevant or
 * irrelevant to the question, and whether it supports the answer. The reply must be a JSON object of the documented
 * shape; an entry it leaves out keeps its offline grade, and a reply with no usable entry is a failure.
 */
public record LlmGrader(QueryLlm llm) {
    static final String PROMPT_VERSION = "grade-v1";
    static final String SYSTEM = """
            You judge passages found for a question. Reply with one JSON object and nothing else: \
            {"passages": [{"id": 1, "relevant": true, "supports": false}, ...]}, one entry per numbered passage.
            - relevant: the passage holds information needed to answer the question (about the entities it asks about).
            - supports: the passage states the answer or part of it.
            Judge from the passage text only.""";

    /** The grades after the LLM's verdicts, or why the LLM could not grade. */
    public record Result(List<PassageGrade> grades, int judged, String failure) {
        public Result {
            grades = grades == null ? null : List.copyOf(grades);
        }
    }

    /** Re-grades {@code offline} (one per passage, in order) by the LLM's verdicts. */
    public Result grade(String question, List<RankedPassage> passages, List<PassageGrade> offline) {
        if (passages.isEmpty()) {
            return new Result(offline, 0, null);
        }
        StringBuilder user = new StringBuilder("Question: ").append(question.strip()).append("\n\nPassages:\n");
        int room = llm.limits().promptChars() - SYSTEM.length();
        int shown = 0;
        for (int i = 0; i < passages.size() && shown < llm.limits().maxPassages(); i++) {
            RankedPassage p = passages.get(i);
            String line = "[" + (i + 1) + "] " + (p.title() == null ? "" : p.title() + ": ") + llm.passage(p.text())
                    + "\n";
            if (user.length() + line.length() > room) {
                break; // the rest keep their offline grades rather than being cut mid-passage
            }
            user.append(line);
            shown++;
        }
        QueryLlm.Reply reply = llm.ask(PROMPT_VERSION, SYSTEM, user.toString(), 40 + 30 * shown, null);
        if (!reply.ok()) {
            return new Result(null, 0, reply.failure());
        }
        JsonNode list = reply.json().get("passages");
        if (list == null || !list.isArray()) {
            return new Result(null, 0, "wrong shape: passages");
        }
        List<PassageGrade> out = new ArrayList<>(offline);
        boolean[] seen = new boolean[shown];
        int judged = 0;
        for (JsonNode entry : list) {
            JsonNode id = entry.get("id");
            JsonNode relevant = entry.get("relevant");
            JsonNode supports = entry.get("supports");
            if (id == null || !id.canConvertToInt() || relevant == null || !relevant.isBoolean()) {
                continue;
            }
            int i = id.asInt() - 1;
            if (i < 0 || i >= shown || seen[i]) {
                continue;
            }
            seen[i] = true;
            boolean rel = relevant.asBoolean();
            out.set(i, offline.get(i).byLlm(rel, rel && supports != null && supports.asBoolean(false)));
            judged++;
        }
        return judged == 0 ? new Result(null, 0, "wrong shape: no usable verdict") : new Result(out, judged, null);
    }
}
