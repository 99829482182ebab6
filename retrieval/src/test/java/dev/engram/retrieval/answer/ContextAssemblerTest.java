package dev.engram.retrieval.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.retrieval.RankedPassage;
import dev.engram.retrieval.RetrievalResult;
import dev.engram.retrieval.VerbalizedPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ContextAssemblerTest {

    private static final Pattern WORD = Pattern.compile("\\S+");
    // Additive over whitespace-joined text, so expected sizes can be computed exactly.
    private static final ToIntFunction<String> WORDS = text -> (int) WORD.matcher(text).results().count();

    private static RankedPassage passage(int n, String text) {
        return new RankedPassage("c" + n, "d" + n, "Title " + n, text, 1.0 / n);
    }

    private static String words(String stem, int count) {
        return IntStream.range(0, count).mapToObj(i -> stem + i).collect(Collectors.joining(" "));
    }

    private static RetrievalResult result(List<VerbalizedPath> paths, List<RankedPassage> passages) {
        return new RetrievalResult(passages, List.of(), paths, Map.of());
    }

    @Test
    void listsPathsBeforePassagesWithTheCitationIdsOfTheirPassagesInTheContext() {
        List<VerbalizedPath> paths = List.of(
                new VerbalizedPath("Ridley Scott —directed→ Black Hawk Down", List.of("e1", "e2"), List.of("c2"), 0.9),
                new VerbalizedPath("Black Hawk Down —based on→ Black Hawk Down (book)", List.of("e2", "e3"),
                        List.of("c3", "c1", "c9"), 0.8),
                new VerbalizedPath("Mark Bowden —wrote→ Black Hawk Down (book)", List.of("e4", "e3"), List.of("c9"), 0.7));
        List<RankedPassage> passages = List.of(
                passage(1, "Black Hawk Down is a 2001 war film."),
                passage(2, "It was directed by Ridley Scott."),
                passage(3, "The film is based on the 1999 book."));

        AssembledContext context = new ContextAssembler(1000).assemble(result(paths, passages));

        assertThat(context.text()).isEqualTo("""
                Graph paths between entities of the question (sources in brackets):
                - Ridley Scott —directed→ Black Hawk Down [2]
                - Black Hawk Down —based on→ Black Hawk Down (book) [1][3]
                - Mark Bowden —wrote→ Black Hawk Down (book)

                Passages:
                [1] Title 1
                Black Hawk Down is a 2001 war film.

                [2] Title 2
                It was directed by Ridley Scott.

                [3] Title 3
                The film is based on the 1999 book.""");
        assertThat(context.citations()).containsExactly(
                new Citation(1, "c1", "d1", "Title 1"),
                new Citation(2, "c2", "d2", "Title 2"),
                new Citation(3, "c3", "d3", "Title 3"));
        assertThat(context.tokens()).isEqualTo(TokenEstimate.count(context.text()));
    }

    @Test
    void stopsAtTheFirstPassageThatWouldExceedTheBudgetWithoutCuttingAny() {
        List<RankedPassage> passages = new ArrayList<>();
        for (int n = 1; n <= 20; n++) passages.add(passage(n, words("p" + n + "w", 10 + n)));
        // A short passage after one that does not fit: it must not jump the queue.
        passages.set(6, passage(7, "short"));
        int budget = 80;

        AssembledContext context = new ContextAssembler(budget, WORDS).assemble(RetrievalResult.of(passages));

        assertThat(context.tokens()).isLessThanOrEqualTo(budget).isEqualTo(WORDS.applyAsInt(context.text()));
        int included = context.citations().size();
        assertThat(included).isBetween(1, 19);
        assertThat(context.citations()).extracting(Citation::chunkId)
                .isEqualTo(passages.subList(0, included).stream().map(RankedPassage::chunkId).toList());
        for (RankedPassage p : passages.subList(0, included)) assertThat(context.text()).contains(p.text());
        assertThat(context.text()).doesNotContain(ContextAssembler.TRUNCATION_MARK.strip()).doesNotContain("short");
        // The next passage really would not have fitted.
        AssembledContext oneMore = new ContextAssembler(10_000, WORDS)
                .assemble(RetrievalResult.of(passages.subList(0, included + 1)));
        assertThat(oneMore.tokens()).isGreaterThan(budget);
    }

    @Test
    void respectsTheBudgetWithTheDefaultEstimate() {
        List<RankedPassage> passages = new ArrayList<>();
        for (int n = 1; n <= 30; n++) passages.add(passage(n, words("passage" + n + "word", 40)));
        List<VerbalizedPath> paths = List.of(new VerbalizedPath("A —r→ B", List.of("a", "b"), List.of("c2"), 1));

        AssembledContext context = new ContextAssembler(500).assemble(result(paths, passages));

        assertThat(context.tokens()).isLessThanOrEqualTo(500).isEqualTo((context.text().length() + 3) / 4);
        assertThat(context.citations()).hasSizeBetween(2, 29);
        assertThat(context.text()).startsWith(ContextAssembler.PATHS_HEADING + "\n- A —r→ B [2]\n");
    }

    @Test
    void cutsAnOversizedFirstPassageAtAWordBoundaryAndMarksIt() {
        String text = words("longword", 200);
        List<RankedPassage> passages = List.of(passage(1, text), passage(2, "never reached"));
        List<VerbalizedPath> paths = List.of(new VerbalizedPath("A —r→ B", List.of("a", "b"), List.of("c1"), 1));

        AssembledContext context = new ContextAssembler(100).assemble(result(paths, passages));

        assertThat(context.tokens()).isLessThanOrEqualTo(100).isPositive();
        assertThat(context.citations()).containsExactly(new Citation(1, "c1", "d1", "Title 1"));
        String prefix = "Passages:\n[1] Title 1\n";
        assertThat(context.text()).startsWith(prefix).endsWith(ContextAssembler.TRUNCATION_MARK);
        String kept = context.text().substring(prefix.length(), context.text().length() - ContextAssembler.TRUNCATION_MARK.length());
        assertThat(kept).isNotEmpty();
        assertThat(text).startsWith(kept);
        assertThat(text.charAt(kept.length())).isEqualTo(' ');
        // As many words as fit: one more would not have.
        String longer = text.substring(0, text.indexOf(' ', kept.length() + 1));
        assertThat(TokenEstimate.count(prefix + longer + ContextAssembler.TRUNCATION_MARK)).isGreaterThan(100);
    }

    @Test
    void neverCutsAPassageAfterTheFirst() {
        List<RankedPassage> passages = List.of(passage(1, "fits easily"), passage(2, words("huge", 500)));

        AssembledContext context = new ContextAssembler(50).assemble(RetrievalResult.of(passages));

        assertThat(context.citations()).extracting(Citation::chunkId).containsExactly("c1");
        assertThat(context.text()).isEqualTo("Passages:\n[1] Title 1\nfits easily");
    }

    @Test
    void pathsNeverCrowdOutTheFirstPassage() {
        List<VerbalizedPath> paths = new ArrayList<>();
        for (int i = 0; i < 50; i++) paths.add(new VerbalizedPath(words("path" + i + "hop", 6), List.of(), List.of("c1"), 1));
        List<RankedPassage> passages = List.of(passage(1, words("evidence", 20)), passage(2, words("more", 20)));

        AssembledContext context = new ContextAssembler(60, WORDS).assemble(result(paths, passages));

        assertThat(context.tokens()).isLessThanOrEqualTo(60);
        assertThat(context.citations()).extracting(Citation::chunkId).containsExactly("c1");
        assertThat(context.text()).contains(passages.getFirst().text()).contains("- path0hop0").contains(" [1]");
        assertThat(context.text().indexOf("- path0hop0")).isLessThan(context.text().indexOf("[1] Title 1"));
    }

    @Test
    void widensPassagesWithTheirNeighboursWhileTheBudgetAllows() {
        List<RankedPassage> passages = List.of(passage(1, "core one"), passage(2, "core two"));
        Map<String, NeighbourText> neighbours = Map.of(
                "c1", new NeighbourText("far too long to fit", "after one"),
                "c2", new NeighbourText("before two", "after two here"));
        int plain = new ContextAssembler(1000, WORDS).assemble(RetrievalResult.of(passages)).tokens();

        AssembledContext roomy = new ContextAssembler(1000, WORDS).assemble(RetrievalResult.of(passages), neighbours);
        // Room for c1's next chunk (2 words) and c2's previous (2), not c1's previous (5) nor c2's next (3).
        AssembledContext tight = new ContextAssembler(plain + 4, WORDS).assemble(RetrievalResult.of(passages), neighbours);

        assertThat(roomy.text()).contains("[1] Title 1\nfar too long to fit core one after one\n")
                .endsWith("[2] Title 2\nbefore two core two after two here");
        assertThat(tight.text()).contains("[1] Title 1\ncore one after one\n")
                .endsWith("[2] Title 2\nbefore two core two");
        assertThat(tight.tokens()).isEqualTo(plain + 4);
        assertThat(tight.citations()).isEqualTo(roomy.citations());
    }

    @Test
    void doesNotRepeatANeighbourThatIsAlreadyAPassage() {
        List<RankedPassage> passages = List.of(passage(1, "first chunk"), passage(2, "second chunk"));
        Map<String, NeighbourText> neighbours = Map.of("c1", new NeighbourText(null, "second chunk"));

        AssembledContext context = new ContextAssembler(1000).assemble(RetrievalResult.of(passages), neighbours);

        assertThat(context.text()).containsOnlyOnce("second chunk");
    }

    @Test
    void citesEachChunkOnce() {
        List<RankedPassage> passages = List.of(passage(1, "one"), passage(2, "two"), passage(1, "one"));

        AssembledContext context = new ContextAssembler(1000).assemble(RetrievalResult.of(passages));

        assertThat(context.citations()).extracting(Citation::chunkId).containsExactly("c1", "c2");
        assertThat(Set.of(context.text().split("\n"))).contains("[1] Title 1", "[2] Title 2").doesNotContain("[3] Title 1");
    }

    @Test
    void emptyResultGivesAnEmptyContext() {
        AssembledContext context = new ContextAssembler(100).assemble(RetrievalResult.of(List.of()));

        assertThat(context).isEqualTo(new AssembledContext("", List.of(), 0));
    }

    @Test
    void rejectsANonPositiveBudget() {
        assertThatThrownBy(() -> new ContextAssembler(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("budget");
    }
}
