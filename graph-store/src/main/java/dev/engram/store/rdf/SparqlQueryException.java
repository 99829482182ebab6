package dev.engram.store.rdf;

/**
 * A SPARQL request Engram will not run: unparsable, an UPDATE (the graph is read-only here), a query reaching
 * outside the reader's graph (SERVICE, FROM, java: functions), or out of time.
 */
public final class SparqlQueryException extends RuntimeException {

    /** Why the query was not answered; a server maps these to 400, 403, 400 and 504. */
    public enum Reason { INVALID, READ_ONLY, NOT_ALLOWED, TIMEOUT }

    private final Reason reason;

    SparqlQueryException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Why the query was refused or stopped. */
    public Reason reason() {
        return reason;
    }
}
