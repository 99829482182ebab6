package dev.engram.extraction.triples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guards the hand-judged sample of what the participle patterns added: 30 triples drawn at random (seed 20261125)
 * from the triples produced on musique-100 that the extractor did not produce before them (participles after a
 * copula's complement or its prepositional tail, distributed "directed and produced by", agents' asides), each
 * judged against its passage. 25 of 30 were judged correct.
 */
class MusiqueParticipleSampleTest {

    private static final String SAMPLE = "/triples/musique-participle-sample.jsonl";
    private static List<JsonNode> rows;
    private static JudgedSample sample;

    @BeforeAll
    static void load() {
        sample = JudgedSample.load(SAMPLE);
        rows = sample.rows();
    }

    @Test
    void theExtractorsOutputOnTheJudgedRowsIsAtLeastSeventyPercentCorrect() {
        assertThat(rows).hasSize(30);
        RuleTripleExtractor extractor = new RuleTripleExtractor();
        assertThat(sample.precision(extractor)).isGreaterThanOrEqualTo(0.7);
    }

    @Test
    void everyJudgedCorrectTripleIsStillExtracted() {
        assertThat(sample.missingCorrectTriples(new RuleTripleExtractor())).isEmpty();
    }
}
