package dev.engram.app.server.cypher;

import dev.engram.app.config.EngramConfig;
import dev.engram.app.runtime.EngramRuntime;
import dev.engram.app.server.ApiException;
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
 * Runs caller-supplied Cypher read-only, behind three fences: a deny list of admin and writing procedures, the
 * planner's query type (EXPLAIN must say READ_ONLY), and a READ-mode session with a read transaction, in which
 * Neo4j itself refuses writes. A server-side transaction timeout and a row cap bound the cost.
 */
@Component
public class CypherRunner {
    private final EngramRuntime runtime;
    private final Duration timeout;
    private final int maxRows;

    CypherRunner(EngramRuntime runtime, EngramConfig config) {
        this.runtime = runtime;
        this.timeout = config.server().cypherTimeout();
        this.maxRows = config.server().cypherMaxRows();
    }

    /** Runs a read-only query with its parameters. */
    public CypherResponse run(String query, Map<String, Object> parameters) {
        if (query == null || query.isBlank()) {
            throw ApiException.badRequest("query is required");
        }
        String cypher = query.strip();
        if (cypher.regionMatches(true, 0, "EXPLAIN", 0, 7) || cypher.regionMatches(true, 0, "PROFILE", 0, 7)) {
            throw ApiException.badRequest("send the query without EXPLAIN or PROFILE");
        }
        ReadOnlyGuard.check(cypher);
        Map<String, Object> params = parameters == null ? Map.of() : parameters;
        TransactionConfig tx = TransactionConfig.builder().withTimeout(timeout).build();
        try (Session session = runtime.store().driver().session(SessionConfig.builder()
                .withDatabase(runtime.store().database()).withDefaultAccessMode(AccessMode.READ).build())) {
            QueryType type = session.executeRead(t -> t.run("EXPLAIN " + cypher, params).consume().queryType(), tx);
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
            return ApiException.forbidden("/api/cypher runs read-only queries only: " + e.getMessage());
        }
        return ApiException.badRequest(e.getMessage());
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
