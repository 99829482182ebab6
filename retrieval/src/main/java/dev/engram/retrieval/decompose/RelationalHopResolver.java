package dev.engram.retrieval.decompose;

import dev.engram.retrieval.RankedPassage;
import dev.engram.retrieval.llm.CallBudget;
import dev.engram.store.search.AccessFilter;
import java.util.List;

/**
 * A resolver of relational hops ("the director of X") only: every such resolver looks the hop's noun up the same
 * way, and a hop without a known relational noun (an LLM plan's) gets a note instead of an answer.
 */
interface RelationalHopResolver extends HopResolver {

    /** The relational nouns a hop's relation is looked up in. */
    RelationalNouns nouns();

    /** The note for a hop that names no relational noun at all. */
    String withoutNoun();

    /** The answer of a hop that follows {@code noun} from {@code argument}, or why there is none. */
    Resolution follow(RelationalNouns.Noun noun, String argument, List<RankedPassage> passages, AccessFilter access);

    @Override
    default Resolution resolve(Plan.Step step, String text, String argument, List<RankedPassage> passages,
                               AccessFilter access, CallBudget budget) {
        if (step.relation() == null || argument == null) {
            return Resolution.none(withoutNoun());
        }
        return nouns().of(step.relation()).map(noun -> follow(noun, argument, passages, access))
                .orElseGet(() -> Resolution.none("\"" + step.relation() + "\" is not a known relational noun"));
    }
}
