package dev.engram.retrieval.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.retrieval.Weighting;
import org.junit.jupiter.api.Test;

class EvidenceWeightingTest {
    private static EvidenceSignals concentrated(double topShare, double fixedShare) {
        return new EvidenceSignals(2, 30, fixedShare, 1, 0.5, 0.8, topShare, 0.4, 0.7);
    }

    @Test
    void adaptiveShareGrowsWithTheGraphWalksConcentrationAndNeverReachesAllOrNothing() {
        EvidenceWeighting w = EvidenceWeighting.DEFAULTS;
        double spread = w.decide(concentrated(0.1, 0.4)).graphShare();
        double middle = w.decide(concentrated(0.75, 0.4)).graphShare();
        double focused = w.decide(concentrated(1.0, 0.4)).graphShare();
        assertThat(spread).isEqualTo(EvidenceWeighting.LOW);
        assertThat(middle).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(focused).isEqualTo(EvidenceWeighting.HIGH);
        assertThat(spread).isLessThan(middle);
        assertThat(middle).isLessThan(focused);
    }

    @Test
    void theDecisionCarriesItsSignalsAndReasonForExplain() {
        Weighting d = EvidenceWeighting.DEFAULTS.decide(concentrated(0.9, 0.4));
        assertThat(d.reason()).contains("90%").contains("top 5");
        assertThat(d.signals()).containsEntry("graphTopShare", 0.9).containsKeys("agreement", "nameShare");
    }

    @Test
    void fixedAndPassageWeightRulesAndParsing() {
        assertThat(EvidenceWeighting.parse("0.7").decide(concentrated(0.1, 0.4)).graphShare()).isEqualTo(0.7);
        assertThat(EvidenceWeighting.parse("passage").decide(concentrated(0.9, 0.35)).graphShare()).isEqualTo(0.35);
        assertThat(EvidenceWeighting.parse("Adaptive")).isEqualTo(EvidenceWeighting.DEFAULTS);
        assertThatThrownBy(() -> EvidenceWeighting.parse("1.5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EvidenceWeighting.parse("graphy")).hasMessageContaining("adaptive, passage");
    }
}
