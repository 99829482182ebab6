package dev.engram.retrieval.global;

import dev.engram.retrieval.Theme;
import dev.engram.retrieval.answer.AssembledContext;
import dev.engram.retrieval.answer.Citation;
import dev.engram.retrieval.answer.TokenEstimate;
import dev.engram.store.community.CitedLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cited context of a {@code global} question: the ranked themes, each with its title, keywords and evidence
 * lines followed by citation ids ({@code [1]}, {@code [2]}... one per chunk), within a token budget (whole themes
 * only, the first always).
 */
public final class ThemeContext {
    static final String HEADING = "Themes of the collection, most relevant first (sources in brackets):";

    private ThemeContext() {}

    /** The context of these themes within {@code tokenBudget} tokens. */
    public static AssembledContext assemble(List<Theme> themes, int tokenBudget) {
        if (themes.isEmpty()) return new AssembledContext("", List.of(), 0);
        Map<String, Citation> citations = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder(HEADING).append('\n');
        int n = 1;
        for (Theme t : themes) {
            Map<String, Citation> trial = new LinkedHashMap<>(citations);
            StringBuilder block = new StringBuilder();
            block.append(n).append(". ").append(t.title()).append(" (").append(t.size()).append(" entities, ")
                    .append(t.documentCount()).append(t.documentCount() == 1 ? " document)" : " documents)");
            if (!t.keywords().isEmpty()) block.append(" — ").append(String.join(", ", t.keywords()));
            block.append('\n');
            for (CitedLine line : t.evidence()) {
                Citation c = trial.computeIfAbsent(line.chunkId(),
                        id -> new Citation(trial.size() + 1, id, line.documentId(), line.title()));
                block.append("   - ").append(line.text()).append(' ').append(c.marker()).append('\n');
            }
            if (n > 1 && TokenEstimate.count(text.toString() + block) > tokenBudget) break;
            text.append(block);
            citations = trial;
            n++;
        }
        String out = text.toString().strip();
        return new AssembledContext(out, new ArrayList<>(citations.values()), TokenEstimate.count(out));
    }
}
