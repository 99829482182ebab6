package dev.engram.retrieval.decompose;

import dev.engram.retrieval.RankedPassage;
import dev.engram.retrieval.llm.CallBudget;
import dev.engram.store.search.AccessFilter;
import java.util.List;

/** Finds the answer of one hop of a decomposed question, which the next hop is asked about. */
public interface HopResolver {
    /**
     * The answer of {@code step} (its text already filled in), whose argument — for a relational hop — is
     * {@code argument}; {@code passages} were retrieved for it. {@link Resolution#bridge()} is null when no answer
     * was found, and {@link Resolution#note()} then says why.
     */
    Resolution resolve(Plan.Step step, String text, String argument, List<RankedPassage> passages,
                       AccessFilter access, CallBudget budget);

    /** A hop's answer, or why there is none. */
    record Resolution(Bridge bridge, String note) {
        /** No answer, for this reason. */
        public static Resolution none(String why) {
            return new Resolution(null, why);
        }
    }
}
