package dev.engram.retrieval.decompose;

import dev.engram.retrieval.RankedPassage;
import dev.engram.retrieval.llm.CallBudget;
import dev.engram.store.search.AccessFilter;
import java.util.ArrayList;
import java.util.List;

/** Tries resolvers in order (the graph first, it costs no LLM call) and takes the first answer found. */
public record ChainedResolver(List<HopResolver> resolvers) implements HopResolver {
    public ChainedResolver {
        resolvers = List.copyOf(resolvers);
    }

    @Override
    public Resolution resolve(Plan.Step step, String text, String argument, List<RankedPassage> passages,
                              AccessFilter access, CallBudget budget) {
        List<String> notes = new ArrayList<>();
        for (HopResolver r : resolvers) {
            Resolution found = r.resolve(step, text, argument, passages, access, budget);
            if (found.bridge() != null) {
                return found;
            }
            notes.add(found.note());
        }
        return Resolution.none(String.join("; ", notes));
    }
}
