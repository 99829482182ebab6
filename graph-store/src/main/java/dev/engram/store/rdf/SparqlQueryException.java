package dev.engram.store.rdf;

/** A SPARQL request Engram will not run: unparsable, an UPDATE (the graph is read-only here), or out of time. */
public final class SparqlQueryException extends RuntimeException {

    /** Why the query was not answered; a server maps these to 400, 400 and 503. */
    public enum Reason { INVALID, READ_ONLY, TIMEOUT }

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
