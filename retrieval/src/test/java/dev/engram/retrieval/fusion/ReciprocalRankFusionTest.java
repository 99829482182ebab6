package dev.engram.retrieval.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.retrieval.RankedPassage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {
    private static RankedPassage p(String id) {
        return new RankedPassage(id, "doc-" + id, id, "text " + id, 0);
    }

    @Test
    void passageHighInBothRankingsWins() {
        List<RankedPassage> dense = List.of(p("a"), p("b"), p("c"));
        List<RankedPassage> bm25 = List.of(p("b"), p("d"), p("e"));
        List<RankedPassage> fused = new ReciprocalRankFusion(60).fuse(List.of(dense, bm25), null, 3);
        // b: 1/62 + 1/61; a: 1/61; d: 1/62 (c: 1/63 and e: 1/63 fall off)
        assertThat(fused).extracting(RankedPassage::chunkId).containsExactly("b", "a", "d");
        assertThat(fused.get(0).score()).isEqualTo(1.0 / 62 + 1.0 / 61, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void weightsShiftTheOrder() {
        List<RankedPassage> one = List.of(p("a"));
        List<RankedPassage> two = List.of(p("b"));
        List<RankedPassage> fused = new ReciprocalRankFusion(60).fuse(List.of(one, two), new double[] {1, 3}, 2);
        assertThat(fused).extracting(RankedPassage::chunkId).containsExactly("b", "a");
    }
}
