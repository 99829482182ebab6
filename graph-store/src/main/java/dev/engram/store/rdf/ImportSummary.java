package dev.engram.store.rdf;

import java.util.List;

/**
 * What one RDF import read and added to the graph; {@code refused} are documents not written because another
 * tenant (or the public corpus) owns their ids.
 */
public record ImportSummary(long triplesRead, int documentsWritten, int documentsUnchanged, int chunksWritten,
                            int entitiesCreated, int relationsCreated, int facts, List<String> refused) {

    public ImportSummary {
        refused = refused == null ? List.of() : List.copyOf(refused);
    }

    /** One line for the command line. */
    public String format() {
        return triplesRead + " triples read; " + documentsWritten + " documents written (" + documentsUnchanged
                + " unchanged), " + chunksWritten + " chunks, " + entitiesCreated + " new entities, "
                + relationsCreated + " new relations (" + facts + " facts)"
                + (refused.isEmpty() ? "" : "; " + refused.size() + " documents refused, their ids belong to another"
                + " tenant: " + String.join(", ", refused.subList(0, Math.min(10, refused.size())))
                + (refused.size() > 10 ? ", …" : ""));
    }
}
