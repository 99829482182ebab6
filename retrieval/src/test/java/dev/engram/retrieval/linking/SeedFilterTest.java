package dev.engram.retrieval.linking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.retrieval.Seed;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedFilterTest {
    private static SeedNode seed(int node, String name, String via, double weight) {
        return new SeedNode(node, new Seed(name.toLowerCase(), name, via, 0.9, weight));
    }

    @Test
    void numbersYearsDatesAndCenturiesAreNotNames() {
        for (String n : List.of("2024", "1990s", "June 5, 2001", "5 June 2001", "19th century", "2,000", "3.5%",
                "the 1920s", "1063", "AD 43", "March 2010")) {
            assertThat(SeedFilter.numeric(n)).as(n).isTrue();
        }
        for (String n : List.of("Apollo 11", "2011 Census", "Black Hawk Down", "March", "Blink-182", "BWV 1033",
                "26th Chess Olympiad", "Fiction")) {
            assertThat(SeedFilter.numeric(n)).as(n).isFalse();
        }
    }

    @Test
    void dropsWeightlessAndNumericSeedsAndMergesDuplicatesBySummingWeights() {
        List<SeedNode> kept = new SeedFilter().apply(List.of(
                seed(1, "Ridley Scott", "fact", 0.5),
                seed(2, "Let's Go to Prison", "fact", 0.0),
                seed(3, "2001", "fact", 0.7),
                seed(1, "Ridley Scott", "name:Ridley Scott", 0.25),
                seed(4, "Black Hawk Down", "name:Black Hawk Down", 1.0)));

        assertThat(kept).extracting(SeedNode::node).containsExactly(1, 4);
        Seed ridley = kept.get(0).seed();
        assertThat(ridley.weight()).isEqualTo(0.75);
        assertThat(ridley.via()).isEqualTo("fact+name:Ridley Scott");
    }
}
