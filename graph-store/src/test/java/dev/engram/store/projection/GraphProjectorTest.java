package dev.engram.store.projection;

import static dev.engram.store.testing.Docs.doc;
import static dev.engram.store.testing.Knowledge.chunk;
import static dev.engram.store.testing.Knowledge.facts;
import static dev.engram.store.testing.Knowledge.t;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.store.testing.Knowledge;
import dev.engram.pagerank.CsrGraph;
import dev.engram.store.lexical.DocumentWriter;
import dev.engram.store.testing.StoreTestBase;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GraphProjectorTest extends StoreTestBase {

    @BeforeEach
    void writeGraph() {
        new DocumentWriter(store).write(List.of(
                doc("a", "A", "Barack Obama was born in Honolulu."),
                doc("b", "B", "Barack Hussein Obama met Quentin Tarantino.")));
        Knowledge.write(store, embedder, List.of(chunk("a#0", facts(t("Barack Obama", "born in", "Honolulu")))));
        // the hashed embedder puts the two Obamas at a cosine of about 0.82: one SYNONYM edge
        Knowledge.write(store, embedder, List.of(chunk("b#0", facts(), "Barack Hussein Obama", "Quentin Tarantino")));
    }

    @Test
    void projectsEntitiesChunksAndEveryEdgeKind() {
        GraphProjection p = new GraphProjector(store, ProjectionWeights.DEFAULTS).project();

        assertThat(p.chunkCount()).isEqualTo(2);
        assertThat(p.relationCount()).isEqualTo(1);
        assertThat(p.relationPredicate(0)).isEqualTo("born in");
        assertThat(edgesOfKind(p, true)).isEqualTo(1);
        assertThat(p.entityChunkCount(p.node("barack obama"))).isEqualTo(1);
        assertThat(p.isChunk(p.node("a#0"))).isTrue();
    }

    @Test
    void synonymsBelowTheMinimumScoreAreLeftOut() {
        GraphProjection p = new GraphProjector(store, ProjectionWeights.DEFAULTS.withMinSynonymScore(0.99)).project();

        assertThat(edgesOfKind(p, true)).isZero();
        assertThat(p.relationCount()).isEqualTo(1);
    }

    @Test
    void mentionEdgesWeighWhatTheWeightsSay() {
        GraphProjection p = new GraphProjector(store, ProjectionWeights.DEFAULTS.withMention(2.5)).project();
        CsrGraph g = p.graph();
        int arc = g.findArc(p.node("a#0"), p.node("honolulu"));

        assertThat(arc).isNotNegative();
        assertThat(g.weight(arc)).isEqualTo(2.5f);
    }

    @Test
    void onlyArcsBetweenRelatedEntitiesAreRelationArcs() {
        GraphProjection p = new GraphProjector(store, ProjectionWeights.DEFAULTS).project();
        CsrGraph g = p.graph();
        int obama = p.node("barack obama");
        int honolulu = p.node("honolulu");
        int hussein = p.node("barack hussein obama");

        // both directions of the relation, not the synonym, not a mention
        assertThat(p.isRelationArc(g.findArc(obama, honolulu))).isTrue();
        assertThat(p.isRelationArc(g.findArc(honolulu, obama))).isTrue();
        assertThat(g.findArc(obama, hussein)).isNotNegative();
        assertThat(p.isRelationArc(g.findArc(obama, hussein))).isFalse();
        assertThat(p.isRelationArc(g.findArc(p.node("a#0"), honolulu))).isFalse();
        int marked = 0;
        for (int arc = 0; arc < g.arcCount(); arc++) {
            marked += p.isRelationArc(arc) ? 1 : 0;
        }
        assertThat(marked).isEqualTo(2);
    }

    private static int edgesOfKind(GraphProjection p, boolean synonym) {
        return synonym ? p.synonymCount() : p.edgeCount() - p.synonymCount();
    }
}
