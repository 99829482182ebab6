package dev.engram.retrieval.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CitationParserTest {

    private static final Citation ONE = new Citation(1, "c1", "d1", "One");
    private static final Citation TWO = new Citation(2, "c2", "d2", "Two");
    private static final Citation THREE = new Citation(3, "c3", "d3", "Three");
    private static final AssembledContext CONTEXT = new AssembledContext("...", List.of(ONE, TWO, THREE), 1);

    @Test
    void readsSingleListedAndAdjacentCitationsInOrderOfFirstUse() {
        assertThat(CitationParser.cited("Paris [2].", CONTEXT)).containsExactly(TWO);
        assertThat(CitationParser.cited("Both [3, 1] agree.", CONTEXT)).containsExactly(THREE, ONE);
        assertThat(CitationParser.cited("Yes [1][3], again [3] and [ 2 ;1 ].", CONTEXT)).containsExactly(ONE, THREE, TWO);
    }

    @Test
    void ignoresIdsTheContextDoesNotHaveAndOtherBrackets() {
        assertThat(CitationParser.cited("In [1999] per [4] and [0], see [a] or [1-2]; [2]", CONTEXT)).containsExactly(TWO);
        assertThat(CitationParser.cited("I don't know.", CONTEXT)).isEmpty();
        assertThat(CitationParser.cited(null, CONTEXT)).isEmpty();
    }
}
