package dev.engram.retrieval.llm;

/** How many LLM calls one question still may make; one per question, used by one thread. */
public final class CallBudget {
    private int left;

    /** A budget of {@code calls} calls. */
    public CallBudget(int calls) {
        this.left = calls;
    }

    /** Takes one call from the budget; false when none is left. */
    public boolean take() {
        if (left <= 0) {
            return false;
        }
        left--;
        return true;
    }

    /** Calls left. */
    public int left() {
        return left;
    }
}
