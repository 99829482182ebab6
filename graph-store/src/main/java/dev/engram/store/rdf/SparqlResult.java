package dev.engram.store.rdf;

import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * The answer to one query: rows of variable bindings (SELECT), a boolean (ASK) or triples (CONSTRUCT, DESCRIBE);
 * {@code truncated} when the row cap cut it short. Unbound variables are absent from a row's map.
 */
public record SparqlResult(Kind kind, List<String> variables, List<Map<String, Node>> rows, boolean answer,
                           List<Triple> triples, boolean truncated) {

    /** The query form that produced the result. */
    public enum Kind { SELECT, ASK, CONSTRUCT, DESCRIBE }

    public SparqlResult {
        variables = List.copyOf(variables);
        rows = List.copyOf(rows);
        triples = List.copyOf(triples);
    }

    /** True for CONSTRUCT and DESCRIBE, whose answer is a graph. */
    public boolean isGraph() {
        return kind == Kind.CONSTRUCT || kind == Kind.DESCRIBE;
    }
}
