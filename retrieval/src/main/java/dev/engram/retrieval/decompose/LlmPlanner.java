package dev.engram.retrieval.decompose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.retrieval.llm.CallBudget;
import dev.engram.retrieval.llm.QueryLlm;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decomposes a question with the LLM: a comparison into one question per compared item, a multi-step question into
 * hops in order where a later hop refers to an earlier one's answer as {@code #k}. The reply must be a JSON object of
 * the documented shape; anything else (an HTTP error, a timeout, bad JSON, a wrong shape, a reference forward) falls
 * back to the offline plan, and the note says why.
 */
public record LlmPlanner(QueryLlm llm, OfflinePlanner fallback) implements Planner {
    static final String PROMPT_VERSION = "decompose-v1";
    static final int MAX_STEPS = 4;
    static final int MAX_STEP_CHARS = 300;
    static final String SYSTEM = """
            You split questions for a search engine that finds one document at a time. Reply with one JSON object \
            and nothing else: {"kind": "none" | "comparison" | "multi-step", "steps": ["...", "..."]}.
            - none: one document can answer it; steps is [].
            - comparison: the question compares or combines items; one self-contained question per item.
            - multi-step: the answer needs a chain of lookups; the questions in order, each about one thing, where \
            "#1", "#2"... stand for the answer of step 1, 2... (e.g. ["Who directed Black Hawk Down?", \
            "When was #1 born?"]).
            At most 4 steps. Use the question's own names; add no facts.""";
    private static final Set<String> KINDS = Set.of("none", "comparison", "multi-step");
    private static final Pattern REF = Pattern.compile("#(\\d+)");

    @Override
    public Planned plan(String question, CallBudget budget) {
        QueryLlm.Reply reply = llm.ask(PROMPT_VERSION, SYSTEM, "Question: " + question.strip(), 300, budget);
        if (!reply.ok()) {
            return fallBack(question, reply.failure());
        }
        String why = check(reply.json());
        if (why != null) {
            return fallBack(question, why);
        }
        String kind = reply.json().get("kind").asText().toLowerCase(Locale.ROOT);
        if (kind.equals("none")) {
            return new Planned(Plan.NONE, "LLM decomposition: asked whole");
        }
        List<Plan.Step> steps = new ArrayList<>();
        for (JsonNode s : reply.json().get("steps")) {
            steps.add(Plan.Step.of(s.asText().strip()));
        }
        return new Planned(new Plan(kind, "llm", steps), null);
    }

    private Planned fallBack(String question, String why) {
        Planned offline = fallback.plan(question, null);
        return new Planned(offline.plan(), "LLM decomposition failed (" + why + "); offline plan used");
    }

    // null when the reply has the documented shape, else what is wrong with it
    static String check(JsonNode json) {
        JsonNode kind = json.get("kind");
        if (kind == null || !kind.isTextual() || !KINDS.contains(kind.asText().toLowerCase(Locale.ROOT))) {
            return "wrong shape: kind";
        }
        if (kind.asText().equalsIgnoreCase("none")) {
            return null;
        }
        JsonNode steps = json.get("steps");
        if (steps == null || !steps.isArray() || steps.size() < 2 || steps.size() > MAX_STEPS) {
            return "wrong shape: steps";
        }
        boolean multi = kind.asText().equalsIgnoreCase("multi-step");
        for (int i = 0; i < steps.size(); i++) {
            JsonNode s = steps.get(i);
            if (!s.isTextual() || s.asText().isBlank() || s.asText().length() > MAX_STEP_CHARS) {
                return "wrong shape: step " + (i + 1);
            }
            Matcher m = REF.matcher(s.asText());
            while (m.find()) {
                int k = Integer.parseInt(m.group(1));
                if (!multi || k < 1 || k > i) {
                    return "wrong shape: step " + (i + 1) + " refers to #" + k;
                }
            }
        }
        return null;
    }
}
