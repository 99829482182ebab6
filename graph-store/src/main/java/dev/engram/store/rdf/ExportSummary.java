package dev.engram.store.rdf;

/** How much of the graph an export has written so far (or in all, once it returns). */
public record ExportSummary(long documents, long chunks, long entities, long relations, long triples) {

    /** One line for a progress display or a log. */
    public String format() {
        return documents + " documents, " + chunks + " chunks, " + entities + " entities, " + relations
                + " relations, " + triples + " triples";
    }
}
