package dev.engram.store.rdf;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.RowSetStream;

/**
 * Writes a {@link SparqlResult} as a text table, SPARQL JSON results (JSON-LD for graphs) or Turtle, or in any
 * result-set or RDF syntax Jena writes.
 */
public final class SparqlResultWriter {

    /** Output syntaxes. */
    public enum Format {
        TABLE, JSON, TTL;

        /** The format named "table", "json" or "ttl". */
        public static Format named(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown output format '" + name + "': use table, json or ttl");
            }
        }
    }

    private SparqlResultWriter() {}

    /** Writes {@code result} to {@code out} in {@code format}. */
    public static void write(SparqlResult result, Format format, OutputStream out) {
        PrefixMapping prefixes = PrefixMapping.Factory.create().setNsPrefixes(EngramVocabulary.PREFIXES);
        if (result.isGraph()) {
            RDFDataMgr.write(out, graph(result), format == Format.JSON ? RDFFormat.JSONLD : RDFFormat.TURTLE_PRETTY);
            return;
        }
        switch (format) {
            case TABLE -> {
                if (result.kind() == SparqlResult.Kind.ASK) {
                    print(out, result.answer() ? "yes" : "no");
                } else {
                    ResultSetFormatter.out(out, resultSet(result), prefixes);
                }
            }
            case JSON -> {
                if (result.kind() == SparqlResult.Kind.ASK) {
                    ResultSetMgr.write(out, result.answer(), ResultSetLang.RS_JSON);
                } else {
                    ResultSetMgr.write(out, resultSet(result), ResultSetLang.RS_JSON);
                }
            }
            case TTL -> throw new IllegalArgumentException("ttl is for CONSTRUCT and DESCRIBE results; use table or json");
        }
        if (result.truncated()) {
            print(out, "(truncated at " + result.rows().size() + " rows)");
        }
    }

    /**
     * Writes {@code result} with Jena's own writer for {@code lang}: a result-set syntax ({@link ResultSetLang}: JSON,
     * XML, CSV, TSV) for SELECT and ASK, an RDF syntax (Turtle, N-Triples, JSON-LD, RDF/XML) for CONSTRUCT and
     * DESCRIBE. Nothing marks truncation here; the caller tells it its own way.
     */
    public static void write(SparqlResult result, Lang lang, OutputStream out) {
        boolean resultSetLang = ResultSetLang.isRegistered(lang);
        if (result.isGraph() == resultSetLang) {
            throw new IllegalArgumentException(lang.getName() + " cannot hold a " + result.kind() + " result");
        }
        if (result.isGraph()) {
            RDFDataMgr.write(out, graph(result), lang);
        } else if (result.kind() == SparqlResult.Kind.ASK) {
            ResultSetMgr.write(out, result.answer(), lang);
        } else {
            ResultSetMgr.write(out, resultSet(result), lang);
        }
    }

    private static Graph graph(SparqlResult result) {
        Graph graph = GraphMemFactory.createDefaultGraph();
        result.triples().forEach(graph::add);
        graph.getPrefixMapping().setNsPrefixes(EngramVocabulary.PREFIXES);
        return graph;
    }

    private static ResultSet resultSet(SparqlResult result) {
        List<Var> vars = result.variables().stream().map(Var::alloc).toList();
        List<Binding> bindings = new ArrayList<>(result.rows().size());
        for (Map<String, Node> row : result.rows()) {
            BindingBuilder b = BindingFactory.builder();
            row.forEach((name, value) -> b.add(Var.alloc(name), value));
            bindings.add(b.build());
        }
        return ResultSet.adapt(RowSetStream.create(vars, bindings.iterator()));
    }

    private static void print(OutputStream out, String line) {
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        print.println(line);
        print.flush();
    }
}
