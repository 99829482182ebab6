package dev.engram.store.neo4j;

/** A graph store could not be opened, or is not in the state Engram needs, explained for a human. */
public class GraphStoreException extends RuntimeException {

    /** A failure with a message a user can act on. */
    public GraphStoreException(String message) {
        super(message);
    }

    /** A failure with a message a user can act on, and its cause. */
    public GraphStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
