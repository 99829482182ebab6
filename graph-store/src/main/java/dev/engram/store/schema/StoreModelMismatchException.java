package dev.engram.store.schema;

import dev.engram.store.neo4j.GraphStoreException;

/** The store was built with another embedding model or dimension than the one in use now. */
public class StoreModelMismatchException extends GraphStoreException {

    /** A mismatch explained with both models. */
    public StoreModelMismatchException(String storedModel, int storedDimensions, String model, int dimensions) {
        super("This graph store was built with embedding model '" + storedModel + "' (" + storedDimensions
                + " dimensions) but '" + model + "' (" + dimensions + " dimensions) is configured now. Vectors from"
                + " different models cannot be compared: configure the original model, or use a new data directory"
                + " (or database) and ingest again.");
    }
}
