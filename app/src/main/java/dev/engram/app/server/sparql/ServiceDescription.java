package dev.engram.app.server.sparql;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;

/**
 * The SPARQL 1.1 Service Description of {@code /sparql}: the endpoint, SPARQL 1.1 Query only (no Update), the
 * result formats it writes, one default graph (the caller's view) and the limits a query runs under.
 */
final class ServiceDescription {
    static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    private static final String FORMATS = "http://www.w3.org/ns/formats/";

    private ServiceDescription() {}

    /** The description of the endpoint at {@code endpointUri} under {@code settings}. */
    static Graph of(String endpointUri, SparqlSettings settings) {
        Graph g = GraphMemFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefix("sd", SD).setNsPrefix("formats", FORMATS)
                .setNsPrefix("rdfs", RDFS.getURI()).setNsPrefix("xsd", XSD.getURI());
        Node service = NodeFactory.createBlankNode();
        Node endpoint = NodeFactory.createURI(endpointUri);
        add(g, service, RDF.type.asNode(), sd("Service"));
        add(g, service, sd("endpoint"), endpoint);
        add(g, service, sd("supportedLanguage"), sd("SPARQL11Query"));
        for (String format : new String[] {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML"}) {
            add(g, service, sd("resultFormat"), NodeFactory.createURI(FORMATS + format));
        }
        add(g, service, sd("defaultEntailmentRegime"), NodeFactory.createURI("http://www.w3.org/ns/entailment/Simple"));
        Node dataset = NodeFactory.createBlankNode();
        Node graph = NodeFactory.createBlankNode();
        add(g, service, sd("defaultDataset"), dataset);
        add(g, dataset, RDF.type.asNode(), sd("Dataset"));
        add(g, dataset, sd("defaultGraph"), graph);
        add(g, graph, RDF.type.asNode(), sd("Graph"));
        add(g, service, RDFS.comment.asNode(), NodeFactory.createLiteralString(
                "Engram's knowledge graph as RDF: one default graph holding what the caller's API key may read "
                        + "(no named graphs). Read-only: SPARQL Update, SERVICE, FROM/FROM NAMED, "
                        + "default-graph-uri and named-graph-uri are refused. A query runs for at most "
                        + settings.timeout().toMillis() + " ms, returns at most " + settings.maxRows()
                        + " rows or triples and may be at most " + settings.maxQueryBytes() + " bytes long."));
        return g;
    }

    private static Node sd(String local) {
        return NodeFactory.createURI(SD + local);
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(s, p, o);
    }
}
