package dev.engram.app.server;

import java.time.Duration;

/**
 * Every size limit on what a client may send or ask for, in one place (ENGRAM_MAX_* / {@code engram.limits.*}),
 * checked by the services that REST, chat and MCP share. A refusal is a 400 that names the limit and its setting.
 *
 * @param questionChars  longest question (characters)
 * @param cypherChars    longest Cypher query (characters)
 * @param bodyBytes      largest JSON request body; larger is 413
 * @param uploadBytes    largest multipart upload (all files together); larger is 413
 * @param uploadFiles    most files in one upload
 * @param topK           most passages a query may ask for
 * @param hops           longest path the explorer searches
 * @param paths          most paths a path search returns
 * @param cypherRows     most rows a Cypher query returns (more are cut, {@code truncated} says so)
 * @param cypherTimeout  longest a Cypher query may run before the database stops it
 */
public record InputLimits(int questionChars, int cypherChars, long bodyBytes, long uploadBytes, int uploadFiles,
                          int topK, int hops, int paths, int cypherRows, Duration cypherTimeout) {

    /** The defaults: generous for people and applications, small enough that no single request can hog a core. */
    public static final InputLimits DEFAULTS = new InputLimits(4_000, 20_000, 1_048_576L, 268_435_456L, 100,
            100, 6, 10, 1_000, Duration.ofSeconds(10));

    public InputLimits {
        if (questionChars < 1 || cypherChars < 1 || bodyBytes < 1 || uploadBytes < 1 || uploadFiles < 1 || topK < 1
                || hops < 1 || paths < 1 || cypherRows < 1 || cypherTimeout == null || cypherTimeout.isNegative()
                || cypherTimeout.isZero()) {
            throw new IllegalArgumentException("every input limit must be positive: " + this);
        }
    }

    /** Refuses a missing, blank or too long question. */
    public String question(String question) {
        if (question == null || question.isBlank()) {
            throw ApiException.badRequest("question is required and must not be empty");
        }
        if (question.length() > questionChars) {
            throw ApiException.badRequest("question has " + question.length() + " characters; the limit is "
                    + questionChars + " (ENGRAM_MAX_QUESTION_CHARS)");
        }
        return question;
    }

    /** Refuses a top-k outside 1..{@link #topK}. */
    public int topK(int k) {
        return bounded("topK", k, topK, "ENGRAM_MAX_TOP_K");
    }

    /** Refuses a hop count outside 1..{@link #hops}. */
    public int hops(int h) {
        return bounded("maxHops", h, hops, "ENGRAM_MAX_HOPS");
    }

    /** Refuses a missing, blank or too long Cypher query. */
    public String cypher(String query) {
        if (query == null || query.isBlank()) {
            throw ApiException.badRequest("query is required");
        }
        if (query.length() > cypherChars) {
            throw ApiException.badRequest("query has " + query.length() + " characters; the limit is " + cypherChars
                    + " (ENGRAM_MAX_CYPHER_CHARS)");
        }
        return query;
    }

    private static int bounded(String name, int value, int max, String setting) {
        if (value < 1 || value > max) {
            throw ApiException.badRequest(name + " must be between 1 and " + max + " (" + setting + "), was " + value);
        }
        return value;
    }
}
