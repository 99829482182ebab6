package dev.engram.app.server.cypher;

import dev.engram.app.server.ApiException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Refuses, before planning, Cypher that names what a read endpoint must never run: administration and schema
 * procedures, APOC (whose procedures can write or reach outside the database), LOAD CSV (reads server files and
 * URLs) and transactional subqueries. Over-broad on purpose (a match inside a string literal is refused too):
 * the plan check and the read-only transaction behind it are the other two fences.
 */
final class ReadOnlyGuard {
    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\b(dbms\\s*\\.|apoc\\s*\\.|db\\s*\\.\\s*(create|drop|clear|awaitindex|resample|checkpoint|prepare)"
                    + "|load\\s+csv|in\\s+transactions|periodic\\s+commit)",
            Pattern.CASE_INSENSITIVE);

    private ReadOnlyGuard() {}

    static void check(String query) {
        // backticks may quote namespace parts (`dbms`.`x`): drop them before matching
        var m = FORBIDDEN.matcher(query.replace("`", ""));
        if (m.find()) {
            throw ApiException.forbidden("/api/cypher runs read-only queries only; '"
                    + m.group(1).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT) + "' is not allowed here");
        }
    }
}
