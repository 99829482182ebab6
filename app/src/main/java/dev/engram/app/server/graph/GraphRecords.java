package dev.engram.app.server.graph;

import java.util.List;

/** Response bodies of the explorer endpoints. */
public final class GraphRecords {
    private GraphRecords() {}

    /** An entity found by name or meaning; {@code chunkCount} counts only chunks the caller may read. */
    public record EntityHit(String id, String name, double score, long chunkCount, String via) {}

    /** An entity as a graph node. */
    public record EntityNode(String id, String name, long chunkCount) {}

    /** A RELATION or SYNONYM edge; {@code chunkIds} lists only readable provenance. */
    public record Edge(String source, String target, String type, String predicate, double weight, List<String> chunkIds) {}

    /** A readable chunk mentioning an entity. */
    public record ChunkRef(String id, String documentId, String title, int index) {}

    /** An entity with its neighbours, capped at {@code limit} edges ({@code truncated} when more exist). */
    public record Neighbourhood(EntityNode center, List<EntityNode> nodes, List<Edge> edges, List<ChunkRef> chunks,
                                boolean truncated) {}

    /** One shortest path: its entities in order and the relations between them. */
    public record GraphPath(List<EntityNode> nodes, List<Edge> edges) {}

    /** A chunk of a document, in reading order. */
    public record ChunkText(String id, int index, String text, int tokenCount) {}

    /** A document with its chunks in NEXT order. */
    public record DocumentView(String id, String title, String source, String tenant, List<String> acl,
                               String ingestedAt, List<ChunkText> chunks) {}

    /** A chunk with the entities it mentions and the triples it is provenance of. */
    public record ChunkView(String id, String documentId, String title, int index, String text, List<EntityNode> entities,
                            List<Edge> triples) {}
}
