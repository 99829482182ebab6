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
        List<RankedPassage> bm25 = List.of(p("c"), p("b"), p("d"));
        List<RankedPassage> fused = new ReciprocalRankFusion(60).fuse(List.of(dense, bm25), null, 3);
        assertThat(fused).extracting(RankedPassage::chunkId).containsExactly("b", "c", "a");
        assertThat(fused.get(0).score()).isEqualTo(2.0 / 62, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void weightsShiftTheOrder() {
        List<RankedPassage> one = List.of(p("a"));
        List<RankedPassage> two = List.of(p("b"));
        List<RankedPassage> fused = new ReciprocalRankFusion(60).fuse(List.of(one, two), new double[] {1, 3}, 2);
        assertThat(fused).extracting(RankedPassage::chunkId).containsExactly("b", "a");
    }
}
