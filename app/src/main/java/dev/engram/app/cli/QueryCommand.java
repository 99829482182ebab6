package dev.engram.app.cli;

import dev.engram.app.config.Setting;
import java.util.Set;
import dev.engram.app.config.EngramConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.engram.app.runtime.EngramRuntime;
import dev.engram.retrieval.Mode;
import dev.engram.retrieval.RankedPassage;
import dev.engram.retrieval.RetrievalRequest;
import dev.engram.retrieval.RetrievalResult;
import dev.engram.retrieval.Seed;
import dev.engram.retrieval.Theme;
import dev.engram.store.community.CitedLine;
import dev.engram.retrieval.VerbalizedPath;
import dev.engram.retrieval.Weighting;
import dev.engram.retrieval.grading.PassageGrade;
import dev.engram.retrieval.decompose.SubQuestion;
import dev.engram.store.search.AccessFilter;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code engram query}: ranked passages, paths and (with an LLM) an answer for one question. */
@Command(name = "query", mixinStandardHelpOptions = true, description = "Answer a question from the graph.")
final class QueryCommand extends ConfiguredCommand {
    @Parameters(paramLabel = "<question>", description = "The question, quoted.")
    String question;

    @Option(names = "--top-k", defaultValue = "5", description = "Passages to return (default ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--explain", description = "Also print seeds, link scores and per-stage timings.")
    boolean explain;

    @Override
    Set<Setting> settings() {
        return SettingOptions.of(SettingOptions.EMBEDDING, SettingOptions.RETRIEVAL, Set.of(Setting.MODE));
    }

    @Override
    public Integer call() throws Exception {
        EngramConfig config = config();
        RetrievalRequest request = new RetrievalRequest(question, config.retrieval().mode(), topK, AccessFilter.ALL);
        try (EngramRuntime runtime = EngramRuntime.open(config)) {
            RetrievalResult result = runtime.retriever(request.mode()).retrieve(request);
            if (json) {
                System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(result));
            } else {
                print(result, explain, System.out);
            }
            return 0;
        }
    }

    static void print(RetrievalResult result, boolean explain, PrintStream out) {
        if (!result.themes().isEmpty()) {
            printThemes(result, explain, out);
            return;
        }
        if (result.coverage() != null && !result.coverage().covered()) {
            out.println(result.coverage().note());
        }
        for (int i = 0; i < result.passages().size(); i++) {
            RankedPassage p = result.passages().get(i);
            String grade = result.grades().isEmpty() ? ""
                    : String.format(", %s %.2f", result.grades().get(i).grade().id(), result.grades().get(i).score());
            out.printf("[%d] %s  (%s, score %.4f%s)%n    %s%n", i + 1, p.place().cite(p.title()), p.chunkId(), p.score(),
                    grade, abbreviate(p.text(), 240));
        }
        if (result.passages().isEmpty()) {
            out.println("no passages found");
        }
        if (!result.paths().isEmpty()) {
            out.println("paths:");
            for (VerbalizedPath path : result.paths()) {
                out.printf("  %s  %s%n", path.text(), path.chunkIds());
            }
        }
        if (explain) {
            out.println("seeds:");
            for (Seed s : result.seeds()) {
                out.printf("  %-40s via %-24s link %.3f weight %.4f%n", s.name(), s.via(), s.linkScore(), s.weight());
            }
            if (result.weighting() != null) {
                Weighting w = result.weighting();
                out.printf("weighting: graph %.2f, dense %.2f (%s)%n", w.graphShare(), 1 - w.graphShare(), w.reason());
                StringBuilder signals = new StringBuilder("  signals:");
                w.signals().forEach((name, value) -> signals.append(String.format(" %s %.3f", name, value)));
                out.println(signals);
                if (w.bridgeShare() > 0) {
                    out.printf("  second round: %.2f of the ranking from the walk restarted at %s%n", w.bridgeShare(),
                            w.bridgeChunks());
                    if (!w.bridgeFacts().isEmpty()) {
                        out.printf("  bridge entities: %s%n", String.join("; ", w.bridgeFacts()));
                    }
                }
            }
            if (!result.grades().isEmpty()) {
                out.println("grades (irrelevant passages are left out of the context for generation):");
                for (int i = 0; i < result.grades().size(); i++) {
                    PassageGrade g = result.grades().get(i);
                    StringBuilder signals = new StringBuilder();
                    g.signals().forEach((name, value) -> signals.append(String.format(" %s %.3f", name, value)));
                    String llm = g.gradedBy().equals("llm") ? (Boolean.TRUE.equals(g.supports())
                            ? " (llm; supports the answer)" : " (llm)") : "";
                    out.printf("  [%d] %-10s %.3f %s%s%n", i + 1, g.grade().id(), g.score(), signals.toString().strip(),
                            llm);
                }
                out.println("covered: " + result.coverage().covered());
            }
            if (!result.subQuestions().isEmpty()) {
                out.println("sub-questions:");
                int n = 1;
                for (SubQuestion q : result.subQuestions()) {
                    out.printf("  %d. %s%s  %s%n", n++, q.question(), q.answer() != null
                            ? " → " + q.answer() + " (" + q.resolvedBy() + ")"
                            : q.resolvedBy() != null ? " → no answer (" + q.resolvedBy() + ")" : "", q.chunkIds());
                }
            }
            result.notes().forEach(note -> out.println("note: " + note));
            out.println("timings (ms): " + result.timingsMillis());
        }
    }

    private static void printThemes(RetrievalResult result, boolean explain, PrintStream out) {
        int n = 1;
        for (Theme t : result.themes()) {
            out.printf("[%d] %s  (%s: %d entities, %d documents, score %.3f)%n", n++, t.title(), t.communityId(),
                    t.size(), t.documentCount(), t.score());
            if (!t.keywords().isEmpty()) out.println("    keywords: " + String.join(", ", t.keywords()));
            for (CitedLine line : t.evidence()) {
                out.printf("    - %s  [%s]%n", abbreviate(line.text(), 200), line.chunkId());
            }
        }
        if (explain) out.println("timings (ms): " + result.timingsMillis());
    }

    private static String abbreviate(String text, int max) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
