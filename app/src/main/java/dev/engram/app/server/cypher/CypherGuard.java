package dev.engram.app.server.cypher;

import dev.engram.app.server.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ParseTree;
import org.neo4j.cypher.internal.parser.v25.Cypher25Lexer;
import org.neo4j.cypher.internal.parser.v25.Cypher25Parser;
import org.neo4j.cypher.internal.parser.v25.Cypher25Parser.CallClauseContext;
import org.neo4j.cypher.internal.parser.v25.Cypher25Parser.ClauseContext;
import org.neo4j.cypher.internal.parser.v25.Cypher25Parser.FunctionInvocationContext;
import org.neo4j.cypher.internal.parser.v25.Cypher25Parser.FunctionNameContext;
import org.neo4j.cypher.internal.parser.v25.Cypher25Parser.NamespaceContext;
import org.neo4j.cypher.internal.parser.v25.Cypher25Parser.ProcedureNameContext;
import org.neo4j.cypher.internal.parser.v25.Cypher25Parser.QueryWithLocalDefinitionsContext;
import org.neo4j.cypher.internal.parser.v25.Cypher25Parser.StatementContext;
import org.neo4j.cypher.internal.parser.v25.Cypher25Parser.StatementsContext;
import org.neo4j.cypher.internal.parser.v25.Cypher25Parser.SubqueryClauseContext;

/**
 * Decides, on the parse tree of Neo4j's own Cypher 25 grammar, whether a caller's query is a plain read: one
 * statement of read clauses (MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN, ORDER BY/SKIP/LIMIT, FILTER, LET, UNION,
 * CALL subqueries), procedures only from {@link #READ_PROCEDURES}, functions only built-in ones. Everything else —
 * LOAD CSV, SHOW/TERMINATE and every other command, writes, USE, IN TRANSACTIONS, preparser options such as
 * {@code CYPHER 5} or {@code EXPLAIN}, any other procedure or a plugin function — is refused, whatever comments,
 * backticks, escapes or case spell it, because the lexer has already removed those before this looks.
 * {@link CypherRunner} runs the query as Cypher 25, so the database parses what this guard judged.
 */
public final class CypherGuard {
    /** Procedures that only read the graph or its schema; compared lower-cased, backticks removed. */
    static final Set<String> READ_PROCEDURES = Set.of(
            "db.labels", "db.relationshiptypes", "db.propertykeys",
            "db.schema.visualization", "db.schema.nodetypeproperties", "db.schema.reltypeproperties",
            "db.index.fulltext.querynodes", "db.index.fulltext.queryrelationships",
            "db.index.vector.querynodes", "db.index.vector.queryrelationships");

    /**
     * Root namespaces of built-in functions (temporal, spatial, vector: {@code vector.similarity.cosine}); the empty
     * namespace is the core functions.
     */
    static final Set<String> FUNCTION_NAMESPACES = Set.of(
            "", "date", "datetime", "localdatetime", "localtime", "time", "duration", "point", "vector");

    /** Namespaced built-in functions allowed one by one. */
    static final Set<String> READ_FUNCTIONS = Set.of("db.namefromelementid");

    /** Core functions that only mean something inside LOAD CSV, which is refused anyway. */
    private static final Set<String> LOAD_CSV_FUNCTIONS = Set.of("file", "linenumber");

    private static final Set<Class<? extends ParserRuleContext>> READ_CLAUSES = Set.of(
            Cypher25Parser.MatchClauseContext.class, Cypher25Parser.WithClauseContext.class,
            Cypher25Parser.UnwindClauseContext.class, Cypher25Parser.ReturnClauseContext.class,
            Cypher25Parser.OrderBySkipLimitClauseContext.class, Cypher25Parser.FilterClauseContext.class,
            Cypher25Parser.LetClauseContext.class, CallClauseContext.class, SubqueryClauseContext.class);

    /** Queries already judged read-only; applications send the same parameterised texts again and again. */
    private static final int CACHE_SIZE = 2048;
    private final java.util.Map<String, Boolean> allowed = new java.util.concurrent.ConcurrentHashMap<>();

    /** A guard; thread-safe. */
    public CypherGuard() {}

    /**
     * Returns normally for a read-only query; otherwise throws an {@link ApiException}: 400 for a query that is
     * not valid Cypher 25, 403 naming the first construct that is not allowed.
     */
    public void check(String query) {
        if (allowed.containsKey(query)) {
            return;
        }
        decide(query);
        if (allowed.size() >= CACHE_SIZE) {
            allowed.clear(); // crude but bounded; a refill costs one parse per distinct query
        }
        allowed.put(query, Boolean.TRUE);
    }

    private static void decide(String query) {
        StatementsContext tree = parse(query);
        List<StatementContext> statements = tree.statement();
        if (statements.size() != 1) {
            throw ApiException.badRequest("send exactly one Cypher statement, got " + statements.size());
        }
        StatementContext statement = statements.getFirst();
        QueryWithLocalDefinitionsContext body = statement.queryWithLocalDefinitions();
        if (body == null || statement.getChildCount() != 1) {
            throw refused(describe(statement.getChild(0)));
        }
        walk(body);
    }

    private static StatementsContext parse(String query) {
        // two-stage parse, as ANTLR recommends: the fast SLL mode bails out on the first doubt, then full LL decides
        try {
            Cypher25Lexer lexer = new Cypher25Lexer(CharStreams.fromString(query));
            lexer.removeErrorListeners();
            boolean[] lexerFailed = {false};
            lexer.addErrorListener(new BaseErrorListener() {
                @Override
                public void syntaxError(Recognizer<?, ?> recognizer, Object symbol, int line, int column, String message,
                                        RecognitionException e) {
                    lexerFailed[0] = true;
                }
            });
            Cypher25Parser fast = new Cypher25Parser(new CommonTokenStream(lexer));
            fast.removeErrorListeners();
            fast.setErrorHandler(new BailErrorStrategy());
            fast.getInterpreter().setPredictionMode(PredictionMode.SLL);
            StatementsContext tree = fast.statements();
            if (!lexerFailed[0]) {
                return tree;
            }
        } catch (ParseCancellationException e) {
            // fall through to the full parse, which also reports where the query is wrong
        }
        return parseFully(query);
    }

    private static StatementsContext parseFully(String query) {
        Cypher25Lexer lexer = new Cypher25Lexer(CharStreams.fromString(query));
        Cypher25Parser parser = new Cypher25Parser(new CommonTokenStream(lexer));
        List<String> errors = new ArrayList<>();
        BaseErrorListener collect = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object symbol, int line, int column, String message,
                                    RecognitionException e) {
                // ANTLR lists every token it expected; the position and the first words are what a reader needs
                int cut = message.indexOf(" expecting");
                errors.add("line " + line + ", column " + (column + 1) + ": " + (cut > 0 ? message.substring(0, cut) : message));
            }
        };
        lexer.removeErrorListeners();
        lexer.addErrorListener(collect);
        parser.removeErrorListeners();
        parser.addErrorListener(collect);
        StatementsContext tree = parser.statements();
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("not valid Cypher 25 (" + errors.getFirst() + "); send one read query, "
                    + "without preparser options or a language version prefix");
        }
        return tree;
    }

    private static void walk(ParseTree node) {
        switch (node) {
            case ClauseContext clause -> {
                ParseTree kind = clause.getChild(0);
                if (!READ_CLAUSES.contains(kind.getClass())) {
                    throw refused(describe(kind));
                }
            }
            case CallClauseContext call -> checkProcedure(call.procedureName());
            case SubqueryClauseContext subquery -> {
                if (subquery.subqueryInTransactionsParameters() != null) {
                    throw refused("CALL { ... } IN TRANSACTIONS");
                }
            }
            case Cypher25Parser.LocalDefinitionContext definition -> throw refused("local definitions");
            case FunctionInvocationContext function -> checkFunction(function.functionName());
            default -> { }
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            walk(node.getChild(i));
        }
    }

    private static void checkProcedure(ProcedureNameContext name) {
        String qualified = qualified(name.namespace(), name.symbolicNameString());
        if (!READ_PROCEDURES.contains(qualified)) {
            throw refused("procedure " + qualified + " (allowed: " + READ_PROCEDURES.stream().sorted()
                    .collect(Collectors.joining(", ")) + ")");
        }
    }

    private static void checkFunction(FunctionNameContext name) {
        String namespace = namespace(name.namespace());
        String qualified = qualified(name.namespace(), name.symbolicNameString());
        String root = namespace.contains(".") ? namespace.substring(0, namespace.indexOf('.')) : namespace;
        boolean builtIn = FUNCTION_NAMESPACES.contains(root) && !LOAD_CSV_FUNCTIONS.contains(qualified);
        if (!builtIn && !READ_FUNCTIONS.contains(qualified)) {
            throw refused("function " + qualified);
        }
    }

    private static String qualified(NamespaceContext namespace, Cypher25Parser.SymbolicNameStringContext name) {
        String ns = namespace(namespace);
        return (ns.isEmpty() ? "" : ns + ".") + unescape(name.getText());
    }

    private static String namespace(NamespaceContext namespace) {
        return namespace == null ? "" : namespace.symbolicNameString().stream()
                .map(s -> unescape(s.getText())).collect(Collectors.joining("."));
    }

    // `a``b` is the name a`b; names are compared case-insensitively, as Neo4j resolves built-ins
    private static String unescape(String text) {
        String name = text.length() >= 2 && text.startsWith("`") && text.endsWith("`")
                ? text.substring(1, text.length() - 1).replace("``", "`") : text;
        return name.toLowerCase(Locale.ROOT);
    }

    private static String describe(ParseTree kind) {
        String rule = kind instanceof ParserRuleContext c ? Cypher25Parser.ruleNames[c.getRuleIndex()] : kind.getText();
        String text = kind.getText();
        return words(rule) + (text.length() > 40 ? " (" + text.substring(0, 40) + "…)" : " (" + text + ")");
    }

    // loadCSVClause -> LOAD CSV clause, composableCommandClauses -> composable command clauses
    private static String words(String rule) {
        String spaced = rule.replace("CSV", " CSV").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return spaced.replace("load csv", "LOAD CSV");
    }

    private static ApiException refused(String what) {
        return ApiException.forbidden("/api/cypher runs read-only queries only; not allowed here: " + what);
    }
}
