package dev.engram.retrieval.answer;

import dev.engram.retrieval.RankedPassage;
import dev.engram.retrieval.RetrievalResult;
import dev.engram.retrieval.VerbalizedPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Assembles a cited context within a token budget: the verbalized graph paths (each followed by the citation ids of
 * the passages it came from, when those are in the context), then the passages in rank order as {@code [1] Title},
 * {@code [2] Title, p. 14, §2.1 Revenue}... (pages and section when the document has them), each optionally widened with the chunks before and after it (sentence-window retrieval).
 *
 * <p>What goes in, in priority order: the first passage; the paths, in order, while they fit; the other passages, in
 * rank order, until one does not fit; then neighbour texts, in rank order, wherever they still fit. The first passage
 * comes before the paths so that paths can never crowd out all the evidence. Passages are never cut, except a first
 * passage that alone exceeds the budget: it is cut at a word boundary and marked, and is then the whole context.
 * Every candidate is measured by counting the whole rendered text, so the result is within budget for any counter,
 * including real tokenizers whose counts are not additive. Thread-safe.
 */
public final class ContextAssembler {

    /** Appended to a passage cut short to fit the budget. */
    public static final String TRUNCATION_MARK = " … (truncated)";

    static final String PATHS_HEADING = "Graph paths between entities of the question (sources in brackets):";
    static final String PASSAGES_HEADING = "Passages:";

    private static final Pattern WORD = Pattern.compile("\\S+");

    private final int tokenBudget;
    private final ToIntFunction<String> tokenCounter;

    /** An assembler counting tokens with {@link TokenEstimate}. */
    public ContextAssembler(int tokenBudget) {
        this(tokenBudget, TokenEstimate::count);
    }

    /** An assembler keeping contexts within {@code tokenBudget} tokens as {@code tokenCounter} counts them. */
    public ContextAssembler(int tokenBudget, ToIntFunction<String> tokenCounter) {
        if (tokenBudget < 1) throw new IllegalArgumentException("token budget must be positive, got " + tokenBudget);
        this.tokenBudget = tokenBudget;
        this.tokenCounter = Objects.requireNonNull(tokenCounter, "tokenCounter");
    }

    /** The budget contexts are kept within. */
    public int tokenBudget() {
        return tokenBudget;
    }

    /** The context of a retrieval result, without neighbour expansion. */
    public AssembledContext assemble(RetrievalResult result) {
        return assemble(result.paths(), result.passages(), Map.of());
    }

    /** The context of a retrieval result, widening passages with {@code neighbours} (by chunk id) where they fit. */
    public AssembledContext assemble(RetrievalResult result, Map<String, NeighbourText> neighbours) {
        return assemble(result.paths(), result.passages(), neighbours);
    }

    /** The context of these paths and ranked passages, widening passages with {@code neighbours} where they fit. */
    public AssembledContext assemble(List<VerbalizedPath> paths, List<RankedPassage> passages,
                                     Map<String, NeighbourText> neighbours) {
        List<RankedPassage> ranked = distinctByChunk(passages);
        Selection selection = Selection.EMPTY;
        if (!ranked.isEmpty()) {
            Selection withFirst = selection.withPassage(ranked.getFirst());
            if (!fits(withFirst)) return finish(truncatedFirst(ranked.getFirst()));
            selection = withFirst;
        }
        for (VerbalizedPath path : paths) {
            if (path.text() == null || path.text().isBlank()) continue;
            Selection candidate = selection.withPath(path);
            if (!fits(candidate)) break;
            selection = candidate;
        }
        for (RankedPassage passage : ranked.subList(Math.min(1, ranked.size()), ranked.size())) {
            Selection candidate = selection.withPassage(passage);
            if (!fits(candidate)) break;
            selection = candidate;
        }
        return finish(expanded(selection, neighbours));
    }

    private Selection expanded(Selection selection, Map<String, NeighbourText> neighbours) {
        int count = selection.blocks().size();
        for (int i = 0; i < count; i++) {
            NeighbourText around = neighbours.get(selection.blocks().get(i).passage().chunkId());
            if (around == null) continue;
            if (usable(around.previous(), selection)) {
                Selection candidate = selection.withPrevious(i, around.previous());
                if (fits(candidate)) selection = candidate;
            }
            if (usable(around.next(), selection)) {
                Selection candidate = selection.withNext(i, around.next());
                if (fits(candidate)) selection = candidate;
            }
        }
        return selection;
    }

    // A neighbour that is itself a passage of the context would only repeat it.
    private static boolean usable(String neighbour, Selection selection) {
        if (neighbour == null || neighbour.isBlank()) return false;
        String text = neighbour.strip();
        return selection.blocks().stream().noneMatch(b -> b.passage().text() != null && b.passage().text().strip().equals(text));
    }

    /** The longest word prefix of the first passage that fits, marked; empty when not even its heading fits. */
    private Selection truncatedFirst(RankedPassage first) {
        String text = first.text() == null ? "" : first.text();
        List<Integer> wordEnds = new ArrayList<>();
        Matcher words = WORD.matcher(text);
        while (words.find()) wordEnds.add(words.end());
        Selection best = Selection.EMPTY;
        int low = 0;
        int high = wordEnds.size();
        // Binary search over the number of words kept; only candidates measured to fit are ever kept.
        while (low <= high) {
            int kept = (low + high) >>> 1;
            String prefix = kept == 0 ? "" : text.substring(0, wordEnds.get(kept - 1));
            Selection candidate = Selection.EMPTY.withTruncated(first, prefix + TRUNCATION_MARK);
            if (fits(candidate)) {
                best = candidate;
                low = kept + 1;
            } else {
                high = kept - 1;
            }
        }
        return best;
    }

    private boolean fits(Selection selection) {
        return tokenCounter.applyAsInt(render(selection)) <= tokenBudget;
    }

    private AssembledContext finish(Selection selection) {
        String text = render(selection);
        List<Citation> citations = new ArrayList<>();
        for (int i = 0; i < selection.blocks().size(); i++) {
            RankedPassage p = selection.blocks().get(i).passage();
            citations.add(new Citation(i + 1, p.chunkId(), p.documentId(), p.title(), p.place()));
        }
        return new AssembledContext(text, citations, text.isEmpty() ? 0 : tokenCounter.applyAsInt(text));
    }

    private static String render(Selection selection) {
        Map<String, Integer> idOfChunk = new LinkedHashMap<>();
        for (int i = 0; i < selection.blocks().size(); i++) idOfChunk.put(selection.blocks().get(i).passage().chunkId(), i + 1);
        StringJoiner sections = new StringJoiner("\n\n");
        if (!selection.paths().isEmpty()) {
            StringJoiner lines = new StringJoiner("\n", PATHS_HEADING + "\n", "");
            for (VerbalizedPath path : selection.paths()) {
                TreeSet<Integer> ids = new TreeSet<>();
                for (String chunkId : path.chunkIds()) {
                    Integer id = idOfChunk.get(chunkId);
                    if (id != null) ids.add(id);
                }
                StringBuilder line = new StringBuilder("- ").append(oneLine(path.text()));
                if (!ids.isEmpty()) line.append(' ');
                ids.forEach(id -> line.append('[').append(id).append(']'));
                lines.add(line);
            }
            sections.add(lines.toString());
        }
        if (!selection.blocks().isEmpty()) {
            StringJoiner blocks = new StringJoiner("\n\n", PASSAGES_HEADING + "\n", "");
            for (int i = 0; i < selection.blocks().size(); i++) blocks.add(selection.blocks().get(i).render(i + 1));
            sections.add(blocks.toString());
        }
        return sections.toString();
    }

    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private static List<RankedPassage> distinctByChunk(List<RankedPassage> passages) {
        Map<String, RankedPassage> first = new LinkedHashMap<>();
        for (RankedPassage p : passages) first.putIfAbsent(p.chunkId(), p);
        return List.copyOf(first.values());
    }

    /** What is in a candidate context: paths, and passages with their (possibly cut or widened) text. */
    private record Selection(List<VerbalizedPath> paths, List<Block> blocks) {
        static final Selection EMPTY = new Selection(List.of(), List.of());

        Selection withPath(VerbalizedPath path) {
            List<VerbalizedPath> more = new ArrayList<>(paths);
            more.add(path);
            return new Selection(List.copyOf(more), blocks);
        }

        Selection withPassage(RankedPassage passage) {
            return withBlock(new Block(passage, passage.text() == null ? "" : passage.text().strip(), null, null));
        }

        Selection withTruncated(RankedPassage passage, String text) {
            return withBlock(new Block(passage, text.strip(), null, null));
        }

        Selection withPrevious(int index, String previous) {
            Block b = blocks.get(index);
            return replace(index, new Block(b.passage(), b.body(), previous.strip(), b.next()));
        }

        Selection withNext(int index, String next) {
            Block b = blocks.get(index);
            return replace(index, new Block(b.passage(), b.body(), b.previous(), next.strip()));
        }

        private Selection withBlock(Block block) {
            List<Block> more = new ArrayList<>(blocks);
            more.add(block);
            return new Selection(paths, List.copyOf(more));
        }

        private Selection replace(int index, Block block) {
            List<Block> changed = new ArrayList<>(blocks);
            changed.set(index, block);
            return new Selection(paths, List.copyOf(changed));
        }
    }

    /** One passage as rendered: its own text, and the neighbour texts around it if any. */
    private record Block(RankedPassage passage, String body, String previous, String next) {
        String render(int id) {
            StringBuilder out = new StringBuilder("[").append(id).append(']');
            // title, then pages and section when the document has them: "[3] Annual report 2025, p. 14, §2.1 Revenue"
            String title = oneLine(passage.place().cite(passage.title()));
            if (!title.isEmpty()) out.append(' ').append(title);
            out.append('\n');
            if (previous != null) out.append(previous).append(' ');
            out.append(body);
            if (next != null) out.append(' ').append(next);
            return out.toString();
        }
    }
}
