package dev.engram.store.rdf;

import static dev.engram.store.testing.Docs.doc;
import static dev.engram.store.testing.Knowledge.chunk;
import static dev.engram.store.testing.Knowledge.facts;
import static dev.engram.store.testing.Knowledge.t;

import dev.engram.store.testing.Knowledge;
import dev.engram.store.lexical.DocumentWriter;
import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.search.AccessFilter;
import dev.engram.store.testing.HashEmbedder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFLib;

/** A small graph with two tenants, an ACL group and a public document, and helpers to export it. */
public final class RdfFixtures {

    public static final AccessFilter ACME = new AccessFilter("acme", List.of("finance"));
    public static final AccessFilter GLOBEX = new AccessFilter("globex", List.of("finance"));

    private RdfFixtures() {}

    /** Writes the fixture: public "paris" and "berlin", acme's "acme-q3" (finance), globex's "globex-secret". */
    public static void write(GraphStore store, HashEmbedder embedder) {
        DocumentWriter writer = new DocumentWriter(store);
        writer.write(List.of(
                doc("paris", "Paris", "Paris is the capital of France.", "The Seine flows through Paris."),
                doc("berlin", "Berlin", "Berlin is the capital of Germany. Berlin borders Brandenburg."),
                doc("acme-q3", "Acme Q3", "acme", List.of("finance"), "Acme revenue grew in Paris.",
                        "Acme acquired Initech for \"$5 M\" — a bargain."),
                doc("globex-secret", "Globex plans", "globex", List.of("finance"), "Globex acquired Hooli in Paris.",
                        "Project Zeus is capital of France.")));
        Knowledge.write(store, embedder, List.of(
                chunk("paris#0", facts(t("Paris", "capital of", "France"))),
                chunk("paris#1", facts(t("Seine", "flows through", "Paris"))),
                chunk("berlin#0", facts(t("Berlin", "capital of", "Germany"), t("Berlin", "borders", "Brandenburg"))),
                chunk("acme-q3#0", facts(t("Acme", "revenue grew in", "Paris"))),
                chunk("acme-q3#1", facts(t("Acme", "acquired", "Initech")), "Ada Lovelace"),
                chunk("globex-secret#0", facts(t("Globex", "acquired", "Hooli"), t("Globex", "based in", "Paris"))),
                chunk("globex-secret#1", facts(t("Project Zeus", "capital of", "France"), t("Paris", "capital of", "France")))));
        writer.markComplete(List.of("paris", "berlin", "acme-q3", "globex-secret"));
    }

    public static Graph exportGraph(GraphStore store, AccessFilter filter) {
        Graph graph = GraphMemFactory.createDefaultGraph();
        new RdfExporter(store, 2).export(filter, StreamRDFLib.graph(graph), p -> {});
        return graph;
    }

    public static byte[] exportBytes(GraphStore store, AccessFilter filter, RdfFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // a tiny page size makes every fixture span several pages
        new RdfExporter(store, 2).export(filter, format, out, p -> {});
        return out.toByteArray();
    }

    public static Graph parse(byte[] bytes, RdfFormat format) {
        Graph graph = GraphMemFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(bytes)).lang(format.lang()).parse(graph);
        return graph;
    }
}
