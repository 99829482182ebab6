package dev.engram.store.rdf;

/** What one RDF import read and added to the graph. */
public record ImportSummary(long triplesRead, int documentsWritten, int documentsUnchanged, int chunksWritten,
                            int entitiesCreated, int relationsCreated, int facts) {

    /** One line for the command line. */
    public String format() {
        return triplesRead + " triples read; " + documentsWritten + " documents written (" + documentsUnchanged
                + " unchanged), " + chunksWritten + " chunks, " + entitiesCreated + " new entities, "
                + relationsCreated + " new relations (" + facts + " facts)";
    }
}
