package dev.engram.store.projection;

import static dev.engram.store.testing.Docs.doc;
import static dev.engram.store.testing.Knowledge.chunk;
import static dev.engram.store.testing.Knowledge.facts;
import static dev.engram.store.testing.Knowledge.t;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.store.delete.DocumentDeleter;
import dev.engram.store.lexical.DocumentWriter;
import dev.engram.store.testing.Knowledge;
import dev.engram.store.testing.StoreTestBase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A projection refreshed from the documents added since it was read equals one rebuilt from the whole store. */
class ProjectionRefreshTest extends StoreTestBase {
    private final GraphProjector projector = new GraphProjector(store, ProjectionWeights.DEFAULTS);

    @BeforeEach
    void writeGraph() throws InterruptedException {
        new DocumentWriter(store).write(List.of(
                doc("a", "A", "Barack Obama was born in Honolulu."),
                doc("b", "B", "Barack Hussein Obama met Quentin Tarantino.")));
        Knowledge.write(store, embedder, List.of(chunk("a#0", facts(t("Barack Obama", "born in", "Honolulu")))));
        Knowledge.write(store, embedder, List.of(chunk("b#0", facts(t("Barack Hussein Obama", "met", "Quentin Tarantino")))));
        Thread.sleep(5); // the documents above are older than the projection's read
    }

    @Test
    void aRefreshAfterNewDocumentsEqualsAFullRebuild() {
        GraphProjection before = projector.project();
        int bornIn = relation(before, "barack obama", "honolulu");
        assertThat(before.relationWeight(bornIn)).isEqualTo(1f);

        new DocumentWriter(store).write(List.of(
                doc("c", "C", "Barack Obama was born in Honolulu, Hawaii."),
                doc("d", "D", "Quentin Tarantino directed Pulp Fiction. Aardvark Films produced it.")));
        // an existing fact gains provenance, a new fact joins an old entity to a new one, new entities sort first
        Knowledge.write(store, embedder, List.of(chunk("c#0", facts(t("Barack Obama", "born in", "Honolulu"),
                t("Honolulu", "located in", "Hawaii")))));
        Knowledge.write(store, embedder, List.of(chunk("d#0", facts(t("Quentin Tarantino", "directed", "Pulp Fiction"),
                t("Aardvark Films", "produced", "Pulp Fiction")))));

        Optional<GraphProjection> refreshed = projector.refresh(before);
        GraphProjection rebuilt = projector.project();

        assertThat(refreshed).isPresent();
        assertThat(refreshed.get().sameAs(rebuilt)).isTrue();
        GraphProjection after = refreshed.get();
        assertThat(after.relationCount()).isEqualTo(before.relationCount() + 3);
        assertThat(after.chunkCount()).isEqualTo(before.chunkCount() + 2);
        int again = relation(after, "barack obama", "honolulu");
        assertThat(after.relationWeight(again)).isEqualTo(2f);
        assertThat(after.relationChunkIds(again)).containsExactlyInAnyOrder("a#0", "c#0");
        assertThat(after.entityChunkCount(after.node("barack obama"))).isEqualTo(2);
        assertThat(after.node("aardvark films")).isZero(); // sorted in before every old entity
    }

    @Test
    void aSecondRefreshBuildsOnTheFirst() {
        GraphProjection first = projector.project();
        new DocumentWriter(store).write(List.of(doc("c", "C", "Honolulu is in Hawaii.")));
        Knowledge.write(store, embedder, List.of(chunk("c#0", facts(t("Honolulu", "located in", "Hawaii")))));
        GraphProjection second = projector.refresh(first).orElseThrow();
        new DocumentWriter(store).write(List.of(doc("e", "E", "Hawaii is a state.")));
        Knowledge.write(store, embedder, List.of(chunk("e#0", facts(t("Hawaii", "is a", "state")))));

        GraphProjection third = projector.refresh(second).orElseThrow();

        assertThat(third.sameAs(projector.project())).isTrue();
        assertThat(third.sameAs(second)).isFalse();
    }

    @Test
    void nothingNewRefreshesToTheSameProjection() {
        GraphProjection before = projector.project();

        assertThat(projector.refresh(before).orElseThrow().sameAs(before)).isTrue();
    }

    @Test
    void aDeletionCannotBeRefreshedFromADelta() {
        GraphProjection before = projector.project();
        new DocumentDeleter(store).delete("b");

        assertThat(projector.refresh(before)).isEmpty();
    }

    @Test
    void aReplacedDocumentCannotBeRefreshedFromADelta() {
        GraphProjection before = projector.project();
        new DocumentWriter(store).write(List.of(doc("a", "A", "Barack Obama was born in Hawaii.")));
        Knowledge.write(store, embedder, List.of(chunk("a#0", facts(t("Barack Obama", "born in", "Hawaii")))));

        assertThat(projector.refresh(before)).isEmpty();
    }

    private static int relation(GraphProjection p, String subject, String object) {
        int r = p.relationBetween(p.node(subject), p.node(object));
        assertThat(r).isNotNegative();
        return r;
    }
}
