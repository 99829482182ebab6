package dev.engram.store.rdf;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementAssign;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;

/**
 * Refuses, before anything runs, the parts of SPARQL that would reach beyond the reader's graph: {@code SERVICE}
 * (another endpoint, over the network), {@code FROM}/{@code FROM NAMED} (graphs this single-graph view does not
 * hold; ARQ would load them from their IRIs if given no dataset) and {@code java:} functions (ARQ loads any class
 * they name). It walks the whole query: sub-queries, {@code EXISTS} in filters, binds, projections, grouping,
 * {@code HAVING} and {@code ORDER BY}. The runner also disables SERVICE at execution, in case a form escapes this.
 */
final class ClosedQueryCheck {

    private ClosedQueryCheck() {}

    /** Throws {@link SparqlQueryException} with reason {@code NOT_ALLOWED} when {@code query} reaches outside. */
    static void check(Query query) {
        if (query.hasDatasetDescription()) {
            throw refused("FROM and FROM NAMED are not supported: this endpoint answers over one default graph, "
                    + "the part of Engram's graph the caller may read");
        }
        List<Expr> exprs = new ArrayList<>(query.getProject().getExprs().values());
        if (query.hasGroupBy()) {
            exprs.addAll(query.getGroupBy().getExprs().values());
        }
        if (query.hasHaving()) {
            exprs.addAll(query.getHavingExprs());
        }
        if (query.hasOrderBy()) {
            query.getOrderBy().stream().map(SortCondition::getExpression).forEach(exprs::add);
        }
        Walk walk = new Walk();
        exprs.forEach(walk::expr);
        if (query.getQueryPattern() != null) {
            walk.element(query.getQueryPattern());
        }
    }

    private static SparqlQueryException refused(String message) {
        return new SparqlQueryException(SparqlQueryException.Reason.NOT_ALLOWED, message, null);
    }

    private static void iri(Node node) {
        if (node != null && node.isURI() && node.getURI().regionMatches(true, 0, "java:", 0, 5)) {
            throw refused("java: extension functions are not allowed: <" + node.getURI() + ">");
        }
    }

    private static final class Walk {
        private final ExprVisitorBase exprs = new ExprVisitorBase() {
            @Override
            public void visit(ExprFunctionOp op) { // EXISTS and NOT EXISTS carry a whole graph pattern
                if (op.getElement() != null) {
                    element(op.getElement());
                }
            }

            @Override
            public void visit(ExprFunctionN func) {
                if (func instanceof E_Function call) {
                    iri(NodeFactory.createURI(call.getFunctionIRI()));
                }
            }

            @Override
            public void visit(ExprAggregator agg) { // the walker stops at an aggregate; its arguments may hold EXISTS
                if (agg.getAggregator().getExprList() != null) {
                    agg.getAggregator().getExprList().forEach(Walk.this::expr);
                }
            }
        };

        private final ElementVisitorBase elements = new ElementVisitorBase() {
            @Override
            public void visit(ElementService service) {
                throw refused("SERVICE is not allowed: a query here never reaches another endpoint ("
                        + service.getServiceNode() + ")");
            }

            @Override
            public void visit(ElementFilter filter) {
                expr(filter.getExpr());
            }

            @Override
            public void visit(ElementBind bind) {
                expr(bind.getExpr());
            }

            @Override
            public void visit(ElementAssign assign) {
                expr(assign.getExpr());
            }

            @Override
            public void visit(ElementSubQuery sub) {
                check(sub.getQuery());
            }

            @Override
            public void visit(ElementPathBlock block) { // property functions are named by predicate IRIs
                for (TriplePath t : block.getPattern().getList()) {
                    iri(t.getPredicate());
                }
            }
        };

        void expr(Expr expr) {
            Walker.walk(expr, exprs);
        }

        void element(Element element) {
            ElementWalker.walk(element, elements);
        }
    }
}
