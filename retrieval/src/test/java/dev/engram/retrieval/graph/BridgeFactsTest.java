package dev.engram.retrieval.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.retrieval.decompose.RelationalNouns;
import org.junit.jupiter.api.Test;

class BridgeFactsTest {
    private final BridgeFacts bridges = new BridgeFacts(RelationalNouns.load());

    @Test
    void stemsMeetAcrossNounAndVerbForms() {
        assertThat(BridgeFacts.stem("director")).isEqualTo(BridgeFacts.stem("directed")).isEqualTo("direct");
        assertThat(BridgeFacts.stem("producer")).isEqualTo(BridgeFacts.stem("produced"));
        // short words stay whole, so "is" or "born" never shrink into everything's prefix
        assertThat(BridgeFacts.stem("born")).isEqualTo("born");
    }

    @Test
    void namesAreLeftToTheNameLinker() {
        assertThat(BridgeFacts.commonWords("What genre is the author of the story behind \"Act of War\" associated with?"))
                .doesNotContain("Act").doesNotContain("War").contains("author").contains("genre").contains("What");
        assertThat(BridgeFacts.commonWords("Who performed in both Welcome to the Show and the band f(x)?"))
                .doesNotContain("Show").contains("performed");
    }

    @Test
    void aPredicateMatchesWhatTheQuestionAsks() {
        BridgeFacts.Cues cues = bridges.cues("The soundtrack from the film Natural Born Killers was produced by a man born in what year?");
        assertThat(cues.match("was produced by")).isTrue();
        assertThat(cues.match("starred in")).isFalse();
        // a relational noun brings its predicate cues: the author of X is who X was written by
        BridgeFacts.Cues author = bridges.cues("Which university did the author of Brand attend?");
        assertThat(author.match("was written by")).isTrue();
        assertThat(author.match("is located in")).isFalse();
        // names do not match predicates: "Show" is part of a title here
        assertThat(bridges.cues("Who performed in Welcome to the Show?").match("played shows in")).isFalse();
    }
}
