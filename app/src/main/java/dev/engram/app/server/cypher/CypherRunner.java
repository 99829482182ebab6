package dev.engram.app.server.cypher;

import dev.engram.app.config.EngramConfig;
import dev.engram.app.runtime.EngramRuntime;
import dev.engram.app.server.ApiException;
import dev.engram.app.server.InputLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.summary.ResultSummary;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Runs caller-supplied Cypher read-only, behind three fences: the {@link CypherGuard}'s allow-list decision on the
 * parse tree, the planner's query type (EXPLAIN must say READ_ONLY), and a READ-mode session with a read
 * transaction, in which Neo4j itself refuses writes. The query runs as Cypher 25, the grammar the guard parsed. A
 * server-side transaction timeout and a row cap bound the cost. Shared by every caller of the Cypher API (REST, MCP).
 */
@Component
public class CypherRunner {
    /** Pins the language version to the grammar {@link CypherGuard} checked, whatever the database defaults to. */
    static final String VERSION_PREFIX = "CYPHER 25 ";

    private final EngramRuntime runtime;
    private final CypherGuard guard = new CypherGuard();
    private final Duration timeout;
    private final int maxRows;

    private final InputLimits limits;

    CypherRunner(EngramRuntime runtime, EngramConfig config) {
        this.runtime = runtime;
        this.limits = config.limits();
        this.timeout = limits.cypherTimeout();
        this.maxRows = limits.cypherRows();
    }

    /** Runs a read-only query with its parameters. */
    public CypherResponse run(String query, Map<String, Object> parameters) {
        limits.cypher(query);
        guard.check(query);
        String cypher = VERSION_PREFIX + query;
        Map<String, Object> params = parameters == null ? Map.of() : parameters;
        TransactionConfig tx = TransactionConfig.builder().withTimeout(timeout).build();
        try (Session session = runtime.store().driver().session(SessionConfig.builder()
                .withDatabase(runtime.store().database()).withDefaultAccessMode(AccessMode.READ).build())) {
            QueryType type = session.executeRead(t -> t.run(VERSION_PREFIX + "EXPLAIN " + query, params).consume().queryType(), tx);
            if (type != QueryType.READ_ONLY) {
                throw ApiException.forbidden("/api/cypher runs read-only queries only; this query is " + type);
            }
            return session.executeRead(t -> collect(t.run(cypher, params)), tx);
        } catch (ClientException e) {
            throw translate(e);
        } catch (Neo4jException e) {
            if (isTimeout(e)) {
                throw timedOut();
            }
            throw e;
        }
    }

    private CypherResponse collect(Result result) {
        List<String> columns = result.keys();
        GraphValues values = new GraphValues();
        List<List<Object>> rows = new ArrayList<>();
        boolean truncated = false;
        while (result.hasNext()) {
            if (rows.size() == maxRows) {
                truncated = true;
                break;
            }
            Record record = result.next();
            List<Object> row = new ArrayList<>(columns.size());
            record.values().forEach(v -> row.add(values.convert(v)));
            rows.add(row);
        }
        // consuming stops the query on the server instead of streaming the rest of a capped result
        ResultSummary summary = result.consume();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("rows", rows.size());
        stats.put("maxRows", maxRows);
        stats.put("queryType", String.valueOf(summary.queryType()));
        stats.put("millis", summary.resultAvailableAfter(java.util.concurrent.TimeUnit.MILLISECONDS)
                + summary.resultConsumedAfter(java.util.concurrent.TimeUnit.MILLISECONDS));
        return new CypherResponse(columns, rows, truncated, values.graph(), stats);
    }

    private RuntimeException translate(ClientException e) {
        if (isTimeout(e)) {
            return timedOut();
        }
        String code = e.code() == null ? "" : e.code();
        if (code.contains("Forbidden") || code.contains("AccessMode") || code.contains("WriteOnReadOnly")) {
            return ApiException.forbidden("/api/cypher runs read-only queries only");
        }
        return ApiException.badRequest("the query was refused: " + clientMessage(e));
    }

    // the first line of Neo4j's message, without positions: those count our version prefix, not the caller's text
    private static String clientMessage(ClientException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        message = message.replace(VERSION_PREFIX + "EXPLAIN ", "").replace(VERSION_PREFIX, "");
        return message.replaceAll("\\s*\\(line \\d+, column \\d+ \\(offset: \\d+\\)\\)", "").strip();
    }

    private static boolean isTimeout(Neo4jException e) {
        String code = e.code() == null ? "" : e.code();
        return code.contains("TransactionTimedOut") || code.contains("Transaction.Terminated")
                || (e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("timeout"));
    }

    private ApiException timedOut() {
        return new ApiException(HttpStatus.GATEWAY_TIMEOUT, "the query ran longer than the " + timeout.toMillis()
                + " ms limit and was stopped (engram.cypher.timeout / ENGRAM_CYPHER_TIMEOUT)");
    }
}
