package dev.engram.app.server.overview;

import dev.engram.app.server.graph.GraphRecords.Edge;
import dev.engram.app.server.graph.GraphRecords.EntityNode;
import java.util.List;

/** Response and request bodies of the first screen and of supporting sentences. */
public final class OverviewRecords {
    private OverviewRecords() {}

    /** What the caller may read: documents, chunks, entities, relations, and when a document last arrived. */
    public record Figures(long documents, long chunks, long entities, long relations, String lastIngest) {}

    /** The figures and the most central readable entities with the relations among them. */
    public record Overview(Figures figures, List<EntityNode> entities, List<Edge> edges) {}

    /** A fact whose supporting sentences are wanted: its ends, predicate and provenance chunk ids. */
    public record FactRef(String source, String target, String predicate, List<String> chunkIds) {}

    /** The facts of one request. */
    public record EvidenceRequest(List<FactRef> facts) {}

    /**
     * One sentence supporting a fact, where it comes from (document, passage index, and its page and section as a
     * citation shows them, e.g. {@code pp. 2–4, §2 Results}, or "" when the document has neither) and the names to
     * highlight in it.
     */
    public record Sentence(String chunkId, String documentId, String title, int index, String place, String sentence,
                           List<String> terms) {}

    /** The sentences for one requested fact, in the order of its provenance. */
    public record Evidence(List<Sentence> sentences) {}
}
