package dev.engram.retrieval.graph;

import dev.engram.pagerank.CsrGraph;
import dev.engram.pagerank.GraphPath;
import dev.engram.pagerank.PathOptions;
import dev.engram.pagerank.TopK;
import dev.engram.retrieval.VerbalizedPath;
import dev.engram.store.projection.GraphProjection;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * GNN-RAG-style explanation that keeps what GNN-RAG loses: fewest-hop RELATION paths from the seeds to the
 * entities PageRank ranked highest, written with edge direction and predicates and citing their source chunks.
 */
public final class PathExplainer {

    /** Paths from {@code seeds} to the top {@code candidates} non-seed entities by PPR mass. */
    public List<VerbalizedPath> explain(ProjectionCache.Engine engine, double[] scores, int[] seeds, int candidates,
                                        int maxHops, int maxPaths, AccessMask access) {
        GraphProjection projection = engine.projection();
        CsrGraph graph = projection.graph();
        if (seeds.length == 0 || maxPaths == 0) {
            return List.of();
        }
        BitSet seedSet = new BitSet();
        for (int s : seeds) {
            seedSet.set(s);
        }
        int[] targets = TopK.of(scores, candidates,
                node -> !projection.isChunk(node) && !seedSet.get(node) && scores[node] > 0);
        PathOptions options = PathOptions.heaviest(maxHops, 2).withAllowedArc(arc -> {
            int edge = graph.edgeOf(arc);
            return projection.isRelation(edge) && access.anyChunk(projection.relationChunkIds(edge));
        });
        List<GraphPath> found = engine.paths().find(seeds, targets, options, engine.pathWorkspaces().get());
        List<VerbalizedPath> out = new ArrayList<>();
        for (GraphPath path : found) {
            out.add(verbalize(path, projection, scores[path.target()], access));
            if (out.size() == maxPaths) {
                break;
            }
        }
        return out;
    }

    /** Writes a path as {@code A —p→ B ←q— C}. */
    static VerbalizedPath verbalize(GraphPath path, GraphProjection projection, double score, AccessMask access) {
        CsrGraph graph = projection.graph();
        StringBuilder text = new StringBuilder(projection.entityName(path.nodes()[0]));
        List<String> entities = new ArrayList<>();
        entities.add(projection.nodeId(path.nodes()[0]));
        LinkedHashSet<String> chunks = new LinkedHashSet<>();
        for (int i = 0; i < path.arcs().length; i++) {
            int edge = graph.edgeOf(path.arcs()[i]);
            int from = path.nodes()[i];
            int to = path.nodes()[i + 1];
            String predicate = projection.relationPredicate(edge);
            boolean forward = projection.relationSubject(edge) == from;
            text.append(forward ? " —" + predicate + "→ " : " ←" + predicate + "— ")
                    .append(projection.entityName(to));
            entities.add(projection.nodeId(to));
            for (String chunk : projection.relationChunkIds(edge)) {
                if (access.anyChunk(List.of(chunk))) {
                    chunks.add(chunk);
                }
            }
        }
        return new VerbalizedPath(text.toString(), entities, List.copyOf(chunks), score);
    }
}
