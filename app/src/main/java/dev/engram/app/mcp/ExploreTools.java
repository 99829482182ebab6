package dev.engram.app.mcp;

import dev.engram.app.server.graph.GraphQueries;
import dev.engram.app.server.graph.GraphRecords.ChunkRef;
import dev.engram.app.server.graph.GraphRecords.Edge;
import dev.engram.app.server.graph.GraphRecords.EntityNode;
import dev.engram.app.server.graph.GraphRecords.GraphPath;
import dev.engram.app.server.graph.GraphRecords.Neighbourhood;
import dev.engram.app.server.jobs.DocumentCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The graph-exploring tools, each a call of the service behind the matching explorer endpoint
 * ({@link GraphQueries}, {@link DocumentCatalog}, {@link GraphSchema}), so they agree with REST and share its
 * bounds and access rule.
 */
record ExploreTools(GraphQueries graph, DocumentCatalog documents, GraphSchema schema) {
    static final int MAX_ID_CHARS = 1000;

    List<EngramTool> tools() {
        return List.of(
                EngramTool.reading("search_entities", "Search entities",
                        """
                        Find entities (people, organisations, places, works, concepts...) in the knowledge graph by name \
                        or meaning. Returns entities {id, name, score, chunkCount, via}: via 'name' for full-text name \
                        matches (listed first), 'vector' for similar meaning (only at cosine 0.8 or more; an empty list means nothing \
                        matches). Use the ids with get_entity, \
                        neighbourhood and find_paths.""",
                        JsonSchema.object()
                                .requiredString("query", "A name or a short description, e.g. 'Ridley Scott'.", MAX_ID_CHARS)
                                .integer("k", "How many matches of each kind (name, meaning).", 1, GraphQueries.MAX_SEARCH_K, 10)
                                .build(),
                        call -> Map.of("entities", graph.searchEntities(call.arguments().requiredString("query"),
                                call.arguments().integer("k", 10), call.caller().access()))),
                EngramTool.reading("get_entity", "Get an entity with its facts",
                        """
                        An entity with the facts (subject, predicate, object triples) it takes part in, each with the \
                        chunk ids it was extracted from (its provenance), its synonyms, and the chunks that mention it. \
                        The id comes from search_entities (ids are normalized names, e.g. 'ridley scott').""",
                        JsonSchema.object()
                                .requiredString("id", "The entity id.", MAX_ID_CHARS)
                                .integer("limit", "Most facts and mentioning chunks to return, strongest first.", 1,
                                        GraphQueries.MAX_NEIGHBOURHOOD_LIMIT, 50)
                                .build(),
                        call -> entity(graph.neighbourhood(call.arguments().requiredString("id"),
                                call.arguments().integer("limit", 50), call.caller().access()))),
                EngramTool.reading("neighbourhood", "Expand an entity's neighbourhood",
                        """
                        The graph around an entity, for exploring: the neighbouring entities (nodes), the RELATION and \
                        SYNONYM edges to them (with predicate, weight and provenance chunkIds), the chunks mentioning \
                        the entity, and truncated=true when there were more edges than limit.""",
                        JsonSchema.object()
                                .requiredString("id", "The entity id (from search_entities).", MAX_ID_CHARS)
                                .integer("limit", "Most edges to return, strongest first.", 1,
                                        GraphQueries.MAX_NEIGHBOURHOOD_LIMIT, 50)
                                .build(),
                        call -> graph.neighbourhood(call.arguments().requiredString("id"),
                                call.arguments().integer("limit", 50), call.caller().access())),
                EngramTool.reading("find_paths", "Find paths between two entities",
                        """
                        The shortest chains of facts connecting two entities (RELATION edges followed in either \
                        direction), each written out as text like 'A —founded→ B ←directed by— C' and given as its \
                        nodes and edges with provenance chunkIds. Use it to explain how two things are related.""",
                        JsonSchema.object()
                                .requiredString("from", "The id of the first entity.", MAX_ID_CHARS)
                                .requiredString("to", "The id of the second entity.", MAX_ID_CHARS)
                                .integer("max_hops", "Longest path to look for, in facts.", 1, graph.maxHops(), 3)
                                .build(),
                        call -> Map.of("paths", graph.paths(call.arguments().requiredString("from"),
                                        call.arguments().requiredString("to"), call.arguments().integer("max_hops", 3),
                                        call.caller().access()).stream().map(ExploreTools::path).toList())),
                EngramTool.reading("get_chunk", "Get a chunk",
                        """
                        One passage (chunk) by id, as cited by retrieve: its text, document, position, the entities it \
                        mentions and the facts extracted from it.""",
                        JsonSchema.object().requiredString("id", "The chunk id (chunkId in retrieve's passages).", MAX_ID_CHARS).build(),
                        call -> graph.chunk(call.arguments().requiredString("id"), call.caller().access())),
                EngramTool.reading("get_document", "Get a document",
                        """
                        A whole document by id: title, source, tenant, acl, when it was ingested, and all its chunks in \
                        reading order. Use it to read around a retrieved passage.""",
                        JsonSchema.object().requiredString("id", "The document id (documentId in retrieve's passages or list_documents).", MAX_ID_CHARS).build(),
                        call -> graph.document(call.arguments().requiredString("id"), call.caller().access())),
                EngramTool.reading("list_documents", "List documents",
                        """
                        The documents you may read, ordered by id, a page at a time: id, title, source, tenant, acl, \
                        number of chunks, ingestion time.""",
                        JsonSchema.object()
                                .integer("offset", "How many documents to skip.", 0, Integer.MAX_VALUE, 0)
                                .integer("limit", "Page size.", 1, DocumentCatalog.MAX_PAGE, 100)
                                .build(),
                        call -> Map.of("documents", documents.list(call.caller().access(),
                                call.arguments().integer("offset", 0), call.arguments().integer("limit", 100)))),
                EngramTool.reading("graph_schema", "Describe the graph",
                        """
                        What the knowledge graph holds: node labels, relationship types, the model's patterns with \
                        their properties (read this before writing Cypher), node and relationship counts, and the most \
                        frequent fact predicates with their counts.""",
                        JsonSchema.object()
                                .integer("top_predicates", "How many of the most frequent predicates to list.", 1,
                                        GraphSchema.MAX_PREDICATES, 50)
                                .build(),
                        call -> schema.describe(call.caller().access(), call.arguments().integer("top_predicates", 50))));
    }

    /** An entity with its facts, synonyms and mentions, from its neighbourhood. */
    static EntityView entity(Neighbourhood n) {
        Map<String, String> names = new HashMap<>();
        names.put(n.center().id(), n.center().name());
        n.nodes().forEach(node -> names.put(node.id(), node.name()));
        List<Triple> facts = new ArrayList<>();
        List<EntityNode> synonyms = new ArrayList<>();
        Map<String, EntityNode> nodes = new HashMap<>();
        n.nodes().forEach(node -> nodes.put(node.id(), node));
        for (Edge e : n.edges()) {
            if ("RELATION".equals(e.type())) {
                facts.add(new Triple(e.source(), names.get(e.source()), e.predicate(), e.target(), names.get(e.target()),
                        e.weight(), e.chunkIds()));
            } else {
                String other = e.source().equals(n.center().id()) ? e.target() : e.source();
                synonyms.add(nodes.get(other));
            }
        }
        return new EntityView(n.center(), facts, synonyms, n.chunks(), n.truncated());
    }

    /** A path with its text: each hop as {@code —predicate→} or {@code ←predicate—} after the direction of the fact. */
    static PathView path(GraphPath p) {
        StringBuilder text = new StringBuilder(label(p.nodes().getFirst()));
        for (int i = 0; i < p.edges().size(); i++) {
            Edge e = p.edges().get(i);
            EntityNode from = p.nodes().get(i);
            EntityNode to = p.nodes().get(i + 1);
            boolean forward = e.source().equals(from.id());
            text.append(forward ? " —" + e.predicate() + "→ " : " ←" + e.predicate() + "— ").append(label(to));
        }
        return new PathView(text.toString(), p.nodes(), p.edges());
    }

    private static String label(EntityNode node) {
        return node.name() == null || node.name().isBlank() ? node.id() : node.name();
    }

    /** {@code get_entity}'s answer. */
    record EntityView(EntityNode entity, List<Triple> facts, List<EntityNode> synonyms, List<ChunkRef> mentions,
                      boolean truncated) {}

    /** A fact about an entity, with the readable chunks it was extracted from. */
    record Triple(String subject, String subjectName, String predicate, String object, String objectName,
                  double weight, List<String> chunkIds) {}

    /** {@code find_paths}' answer for one path. */
    record PathView(String text, List<EntityNode> nodes, List<Edge> edges) {}
}
