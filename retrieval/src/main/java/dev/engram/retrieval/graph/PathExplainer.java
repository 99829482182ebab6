package dev.engram.retrieval.graph;

import dev.engram.pagerank.CsrGraph;
import dev.engram.pagerank.GraphPath;
import dev.engram.pagerank.PathOptions;
import dev.engram.pagerank.ShortestPaths;
import dev.engram.retrieval.VerbalizedPath;
import dev.engram.store.projection.GraphProjection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * GNN-RAG-style explanation that keeps what GNN-RAG loses: fewest-hop RELATION paths from the seeds to the
 * entities PageRank ranked highest, written with edge direction and predicates and citing their source chunks.
 */
public final class PathExplainer {
    /**
     * Arcs all the seeds' searches of one question may scan together, shared out in turn (what a search leaves goes
     * to the later ones). No question's searches scan more than 5,372 arcs on the development sets or 36,129 on
     * 2wiki, so their paths do not change (BENCHMARKS.md, issue 20); on a Zipf graph, where a hub puts most of the
     * entity graph within 3 hops, the searches would otherwise scan millions of arcs at ~80 ns each, and 10^6 cost
     * 82 ms of a query at 10^7 edges.
     */
    static final long MAX_ARC_VISITS = 200_000;

    /**
     * Paths from each seed to the other seeds and to the top {@code candidates} non-seed entities by PPR mass,
     * strongest-scored targets first. A path between two seeds is often the whole answer ("Black Hawk Down
     * —directed by→ Ridley Scott"), so seeds are targets too.
     */
    public List<VerbalizedPath> explain(ProjectionCache.Engine engine, PageRankStage.Ranking ranking, int[] seeds,
                                        int candidates, int maxHops, int maxPaths, AccessMask access) {
        double[] scores = ranking.scores();
        GraphProjection projection = engine.projection();
        CsrGraph graph = projection.graph();
        if (seeds.length == 0 || maxPaths == 0) {
            return List.of();
        }
        BitSet seedSet = new BitSet();
        for (int s : seeds) {
            seedSet.set(s);
        }
        int[] candidateNodes = ranking.top(candidates,
                node -> !projection.isChunk(node) && !seedSet.get(node) && scores[node] > 0);
        // entities are numbered before chunks, so no search reads a mention arc
        PathOptions options = PathOptions.heaviest(maxHops, 1).withTargetLimit(projection.entityCount())
                .withAllowedStep((from, arc) -> {
            if (graph.weight(arc) <= 0 || !projection.isRelationArc(arc)) {
                return false;
            }
            // the relation itself (a binary search) only when its provenance must be checked
            return access.unrestricted()
                    || access.anyRelationChunk(projection, projection.relationBetween(from, graph.target(arc)));
        });
        List<GraphPath> found = new ArrayList<>();
        ShortestPaths.Workspace workspace = engine.pathWorkspaces().get();
        long budget = MAX_ARC_VISITS;
        for (int i = 0; i < seeds.length && budget > 0; i++) {
            int source = seeds[i];
            int[] targets = IntStream.concat(Arrays.stream(seeds).filter(s -> s != source), Arrays.stream(candidateNodes))
                    .toArray();
            long share = Math.max(1, budget / (seeds.length - i));
            found.addAll(engine.paths().find(new int[] {source}, targets, options.withMaxArcVisits(share), workspace));
            budget -= workspace.arcsScanned();
        }
        // the same path found from either end counts once; stronger targets first, then shorter paths
        found.sort(Comparator.comparingDouble((GraphPath p) -> -(scores[p.source()] + scores[p.target()]))
                .thenComparingInt(GraphPath::hops));
        Set<String> seen = new HashSet<>();
        List<VerbalizedPath> out = new ArrayList<>();
        for (GraphPath path : found) {
            if (!seen.add(undirectedKey(path))) {
                continue;
            }
            out.add(verbalize(path, projection, scores[path.target()], access));
            if (out.size() == maxPaths) {
                break;
            }
        }
        return out;
    }

    private static String undirectedKey(GraphPath path) {
        int[] nodes = path.nodes();
        int[] arcs = path.arcs();
        boolean reversed = nodes[0] > nodes[nodes.length - 1];
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < nodes.length; i++) {
            key.append(nodes[reversed ? nodes.length - 1 - i : i]).append(',');
        }
        return key.append(arcs.length).toString();
    }

    /** Writes a path as {@code A —p→ B ←q— C}. */
    static VerbalizedPath verbalize(GraphPath path, GraphProjection projection, double score, AccessMask access) {
        StringBuilder text = new StringBuilder(projection.entityName(path.nodes()[0]));
        List<String> entities = new ArrayList<>();
        entities.add(projection.nodeId(path.nodes()[0]));
        LinkedHashSet<String> chunks = new LinkedHashSet<>();
        for (int i = 0; i < path.arcs().length; i++) {
            int from = path.nodes()[i];
            int to = path.nodes()[i + 1];
            int edge = projection.relationBetween(from, to);
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
