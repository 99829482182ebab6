package dev.engram.store.rdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.store.search.AccessFilter;
import dev.engram.store.testing.StoreTestBase;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;

/** The RDF shape of an export and how foreign RDF reads as text (the importer's tests are in the ingest module). */
class RdfShapeTest extends StoreTestBase {

    @Test
    void exportWritesReadableTurtleWithStableIris() {
        RdfFixtures.write(store, embedder);
        String turtle = new String(RdfFixtures.exportBytes(store, AccessFilter.ALL, RdfFormat.TURTLE), StandardCharsets.UTF_8);
        assertThat(turtle)
                .contains("PREFIX engram: <https://engram.dev/ns#>")
                .contains("<https://engram.dev/id/entity/project%20zeus>")
                .contains("rel:capital_of")
                .contains("\"capital of\"")
                .contains("Acme acquired Initech for \\\"$5 M\\\" — a bargain.");
        Graph graph = RdfFixtures.parse(turtle.getBytes(StandardCharsets.UTF_8), RdfFormat.TURTLE);
        Node paris = EngramVocabulary.entity("paris");
        Node france = EngramVocabulary.entity("france");
        assertThat(graph.contains(paris, EngramVocabulary.relation("capital of"), france)).isTrue();
        Node statement = EngramVocabulary.fact("paris", "capital of", "france");
        assertThat(graph.find(statement, EngramVocabulary.SOURCE, Node.ANY).mapWith(t -> t.getObject()).toList())
                .containsExactlyInAnyOrder(EngramVocabulary.chunk("paris#0"), EngramVocabulary.chunk("globex-secret#1"));
        assertThat(graph.contains(EngramVocabulary.chunk("paris#0"), EngramVocabulary.NEXT, EngramVocabulary.chunk("paris#1")))
                .isTrue();
    }

    @Test
    void predicatesAndNamesReadLikeText() {
        assertThat(LinkedDataMapper.predicate(org.apache.jena.graph.NodeFactory.createURI("http://x.org/o/birthPlace"), Map.of()))
                .isEqualTo("birth place");
        assertThat(LinkedDataMapper.predicate(org.apache.jena.graph.NodeFactory.createURI("http://x.org/o#HTMLVersion"), Map.of()))
                .isEqualTo("html version");
        assertThat(LinkedDataMapper.localName("http://dbpedia.org/resource/King%27s_College")).isEqualTo("King's_College");
        assertThat(EngramVocabulary.predicateOf(EngramVocabulary.relation("born in (year)"))).isEqualTo("born in (year)");
        assertThat(EngramVocabulary.relation("capital of").getURI()).isEqualTo("https://engram.dev/rel/capital_of");
        assertThat(EngramVocabulary.idIn(EngramVocabulary.CHUNK_NS, EngramVocabulary.chunk("a b#1+2"))).isEqualTo("a b#1+2");
    }
}
