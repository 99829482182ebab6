package dev.engram.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.retrieval.graph.EvidenceWeighting;
import dev.engram.retrieval.graph.GraphRagSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import org.junit.jupiter.api.Test;

class GraphRagOptionsWeightingTest {
    @Command(name = "probe")
    static final class Probe {
        @Mixin GraphRagOptions graph;
    }

    private static GraphRagSettings parse(String... args) {
        Probe p = new Probe();
        new CommandLine(p).parseArgs(args);
        return p.graph.toSettings();
    }

    @Test
    void adaptiveWithASecondRoundIsTheDefault() {
        assertThat(parse().weighting()).isEqualTo(EvidenceWeighting.DEFAULTS);
        assertThat(EvidenceWeighting.DEFAULTS.kind()).isEqualTo(EvidenceWeighting.Kind.ADAPTIVE);
        assertThat(EvidenceWeighting.DEFAULTS.bridge()).isEqualTo(EvidenceWeighting.BRIDGE);
    }

    @Test
    void flagsChooseAFixedShareThePassageRuleOrNoSecondRound() {
        EvidenceWeighting fixed = parse("--weighting", "0.7", "--bridge-weight", "0").weighting();
        assertThat(fixed.kind()).isEqualTo(EvidenceWeighting.Kind.FIXED);
        assertThat(fixed.share()).isEqualTo(0.7);
        assertThat(fixed.bridge()).isZero();
        assertThat(parse("--weighting", "passage").weighting().kind()).isEqualTo(EvidenceWeighting.Kind.PASSAGE_WEIGHT);
        assertThatThrownBy(() -> parse("--bridge-weight", "1")).hasMessageContaining("bridge weight");
    }
}
