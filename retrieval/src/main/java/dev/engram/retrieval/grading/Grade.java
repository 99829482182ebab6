package dev.engram.retrieval.grading;

import java.util.Locale;

/** How relevant a retrieved passage is to the question, from what the pipeline measured. */
public enum Grade {
    /** Likely holds evidence for the answer. */
    RELEVANT,
    /** Might; kept in the context, but not enough on its own to call the question covered. */
    WEAK,
    /** Unlikely; left out of the context given to the LLM, still returned and marked. */
    IRRELEVANT;

    /** The lower-case name used in JSON and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
