package dev.engram.retrieval.llm;

/**
 * Bounds on the LLM calls one question may cause beyond its answer: {@code maxCalls} for decomposition and the
 * answers of its hops together (grading makes one more), at most {@code promptChars} characters of prompt a call,
 * each passage cut to {@code passageChars} and at most {@code maxPassages} of them in one prompt. The per-request
 * timeout lives in the client's config.
 */
public record QueryLlmLimits(int maxCalls, int promptChars, int passageChars, int maxPassages) {
    /** Three calls, 12,000 characters a prompt, passages cut to 1,200 characters, eight at most. */
    public static final QueryLlmLimits DEFAULTS = new QueryLlmLimits(3, 12_000, 1_200, 8);

    public QueryLlmLimits {
        if (maxCalls < 1 || promptChars < 500 || passageChars < 100 || maxPassages < 1) {
            throw new IllegalArgumentException("LLM query limits need at least 1 call, 500 prompt characters, 100 "
                    + "characters a passage and 1 passage; got " + maxCalls + ", " + promptChars + ", "
                    + passageChars + ", " + maxPassages);
        }
    }

    /** These limits with another number of calls. */
    public QueryLlmLimits withMaxCalls(int value) {
        return new QueryLlmLimits(value, promptChars, passageChars, maxPassages);
    }

    /** These limits with another prompt size. */
    public QueryLlmLimits withPromptChars(int value) {
        return new QueryLlmLimits(maxCalls, value, passageChars, maxPassages);
    }
}
