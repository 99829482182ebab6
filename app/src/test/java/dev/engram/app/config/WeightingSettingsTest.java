package dev.engram.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.retrieval.graph.EvidenceWeighting;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** graphrag's weighting of the graph walk against the dense walk, and its second round, through the one model. */
class WeightingSettingsTest {
    private static EvidenceWeighting weighting(Map<Setting, String> flags, Map<String, String> env) {
        return EngramConfig.load(ConfigSource.of(flags, env::get)).retrieval().graph().weighting();
    }

    @Test
    void adaptiveWithASecondRoundIsTheDefault() {
        assertThat(weighting(Map.of(), Map.of())).isEqualTo(EvidenceWeighting.DEFAULTS);
        assertThat(EvidenceWeighting.DEFAULTS.kind()).isEqualTo(EvidenceWeighting.Kind.ADAPTIVE);
        assertThat(EvidenceWeighting.DEFAULTS.bridge()).isEqualTo(EvidenceWeighting.BRIDGE);
    }

    @Test
    void flagsAndVariablesChooseAFixedShareThePassageRuleOrNoSecondRound() {
        EvidenceWeighting fixed = weighting(Map.of(Setting.WEIGHTING, "0.7", Setting.BRIDGE_WEIGHT, "0"), Map.of());
        assertThat(fixed.kind()).isEqualTo(EvidenceWeighting.Kind.FIXED);
        assertThat(fixed.share()).isEqualTo(0.7);
        assertThat(fixed.bridge()).isZero();
        assertThat(weighting(Map.of(), Map.of("ENGRAM_WEIGHTING", "passage")).kind())
                .isEqualTo(EvidenceWeighting.Kind.PASSAGE_WEIGHT);
        assertThatThrownBy(() -> weighting(Map.of(Setting.BRIDGE_WEIGHT, "1"), Map.of()))
                .hasMessageContaining("bridge weight");
        assertThatThrownBy(() -> weighting(Map.of(Setting.WEIGHTING, "lots"), Map.of()))
                .hasMessageContaining("weighting");
    }
}
