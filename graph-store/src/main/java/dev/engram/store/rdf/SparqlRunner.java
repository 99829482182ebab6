package dev.engram.store.rdf;

import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.search.AccessFilter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.update.UpdateFactory;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/**
 * Read-only SPARQL (SELECT, ASK, CONSTRUCT, DESCRIBE) over the graph one reader may see. The simplest honest
 * design: the reader's view is exported ({@link RdfExporter}, same mapping as a file export) into an in-memory
 * Jena graph and ARQ runs on that, so access control is the exporter's, with no SPARQL-to-Cypher translation to
 * get wrong. The last view is kept and reused while the store's version (node and relationship counts plus the
 * latest document ingest time, which every write changes) and the reader are the same. Building a view costs one
 * export and holds that view in memory; the query timeout covers the query, not the build. UPDATE is refused,
 * and so is anything reaching outside the view ({@link ClosedQueryCheck}: SERVICE, FROM, java: functions), with
 * SERVICE also disabled at execution: a query never reaches the network or another class.
 */
public final class SparqlRunner {

    // every SERVICE call that got past ClosedQueryCheck fails here, before any connection is opened
    private static final ServiceExecutorRegistry NO_SERVICE = new ServiceExecutorRegistry()
            .addSingleLink((op, original, binding, context, chain) -> {
                throw new SparqlQueryException(SparqlQueryException.Reason.NOT_ALLOWED,
                        "SERVICE is not allowed: a query here never reaches another endpoint", null);
            });

    private record View(AccessFilter filter, List<Object> version, Graph graph) {}

    private final GraphStore store;
    private final RdfExporter exporter;
    private View cached;

    /** A runner over one store. */
    public SparqlRunner(GraphStore store) {
        this.store = store;
        this.exporter = new RdfExporter(store);
    }

    /** Runs {@code query} over what {@code filter} may read, stopping after {@code timeout} or {@code rowCap} rows. */
    public SparqlResult run(String query, AccessFilter filter, Duration timeout, int rowCap) {
        if (rowCap < 1) {
            throw new IllegalArgumentException("row cap must be positive, got " + rowCap);
        }
        Query parsed = parse(query);
        if (parsed.isSelectType() && (!parsed.hasLimit() || parsed.getLimit() > rowCap)) {
            parsed.setLimit(rowCap + 1L); // one more than the cap tells whether the answer was cut
        }
        Graph graph = view(filter);
        Context context = new Context();
        ServiceExecutorRegistry.set(context, NO_SERVICE);
        try (QueryExec exec = QueryExec.graph(graph).query(parsed).context(context).set(ARQ.httpServiceAllowed, false)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build()) {
            if (parsed.isSelectType()) {
                return select(exec.select(), rowCap);
            }
            if (parsed.isAskType()) {
                return new SparqlResult(SparqlResult.Kind.ASK, List.of(), List.of(), exec.ask(), List.of(), false);
            }
            boolean construct = parsed.isConstructType();
            return triples(construct ? SparqlResult.Kind.CONSTRUCT : SparqlResult.Kind.DESCRIBE,
                    construct ? exec.constructTriples() : exec.describeTriples(), rowCap);
        } catch (QueryCancelledException e) {
            throw new SparqlQueryException(SparqlQueryException.Reason.TIMEOUT,
                    "SPARQL query stopped after its timeout of " + timeout.toMillis() + " ms", e);
        }
    }

    /** The form of {@code query} (SELECT, ASK, CONSTRUCT, DESCRIBE), checked as {@link #run} would, without running it. */
    public SparqlResult.Kind kind(String query) {
        Query parsed = parse(query);
        if (parsed.isSelectType()) {
            return SparqlResult.Kind.SELECT;
        }
        if (parsed.isAskType()) {
            return SparqlResult.Kind.ASK;
        }
        return parsed.isConstructType() ? SparqlResult.Kind.CONSTRUCT : SparqlResult.Kind.DESCRIBE;
    }

    private static Query parse(String query) {
        Query parsed;
        try {
            parsed = QueryFactory.create(query);
        } catch (QueryParseException e) {
            if (isUpdate(query)) {
                throw new SparqlQueryException(SparqlQueryException.Reason.READ_ONLY,
                        "SPARQL UPDATE is not allowed: Engram's SPARQL is read-only (change the graph by ingest, "
                                + "import-rdf or delete)", e);
            }
            throw new SparqlQueryException(SparqlQueryException.Reason.INVALID, "invalid SPARQL: " + e.getMessage(), e);
        }
        ClosedQueryCheck.check(parsed);
        return parsed;
    }

    private static boolean isUpdate(String query) {
        try {
            UpdateFactory.create(query);
            return true;
        } catch (RuntimeException notAnUpdate) {
            return false;
        }
    }

    private static SparqlResult select(RowSet rows, int rowCap) {
        List<Var> vars = rows.getResultVars();
        Capped<Map<String, Node>> out = Capped.of(rows, rowCap, b -> {
            Map<String, Node> row = new HashMap<>();
            for (Var v : vars) {
                Node value = b.get(v);
                if (value != null) {
                    row.put(v.getVarName(), value);
                }
            }
            return row;
        });
        return new SparqlResult(SparqlResult.Kind.SELECT, vars.stream().map(Var::getVarName).toList(), out.items(),
                false, List.of(), out.truncated());
    }

    private static SparqlResult triples(SparqlResult.Kind kind, Iterator<Triple> triples, int cap) {
        Capped<Triple> out = Capped.of(triples, cap, t -> t);
        return new SparqlResult(kind, List.of(), List.of(), false, out.items(), out.truncated());
    }

    /** The first {@code cap} items of a result, and whether it had more (found by reading one past the cap). */
    private record Capped<T>(List<T> items, boolean truncated) {
        static <S, T> Capped<T> of(Iterator<S> source, int cap, Function<S, T> read) {
            List<T> items = new ArrayList<>();
            while (source.hasNext()) {
                S next = source.next();
                if (items.size() == cap) {
                    return new Capped<>(items, true);
                }
                items.add(read.apply(next));
            }
            return new Capped<>(items, false);
        }
    }

    private synchronized Graph view(AccessFilter filter) {
        List<Object> version = version();
        if (cached != null && cached.filter().equals(filter) && cached.version().equals(version)) {
            return cached.graph();
        }
        cached = null; // let the old view go before the new one is built
        Graph graph = GraphMemFactory.createDefaultGraph();
        exporter.export(filter, StreamRDFLib.graph(graph), progress -> {});
        cached = new View(filter, version, graph);
        return graph;
    }

    private List<Object> version() {
        try (Session session = store.session()) {
            Record r = session.run("""
                    CALL () { MATCH (n) RETURN count(n) AS nodes }
                    CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
                    CALL () { MATCH (d:Document) RETURN max(d.ingestedAt) AS latest }
                    RETURN nodes, relationships, latest
                    """).single();
            Value latest = r.get("latest");
            return List.of(r.get("nodes").asLong(), r.get("relationships").asLong(),
                    latest.isNull() ? "" : latest.asObject().toString());
        }
    }
}
