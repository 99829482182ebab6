package dev.engram.retrieval.graph;

import dev.engram.retrieval.linking.SeedNode;
import dev.engram.store.projection.GraphProjection;
import dev.engram.store.search.ScoredChunk;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the pipeline already knows about one question before it mixes the graph walk with the dense walk: how much
 * seed mass exact names carry, how well facts linked, how concentrated the graph walk's passage mass is, and how far
 * the graph walk and the dense ranking agree on their top passages.
 *
 * @param seedMass        reset mass of the seeds (weights after node specificity)
 * @param denseMass       reset mass of the dense hits (min-max-normalised scores, summed)
 * @param fixedShare      the graph's share of the reset mass under the fixed passage-node weight (rounds 1–2)
 * @param nameSeeds       seeds the question names exactly
 * @param nameShare       share of the seed mass from exactly named seeds
 * @param factTop         best cosine of a linked fact (0 without fact seeds)
 * @param graphTopShare   share of the graph walk's passage mass on its top 5 passages
 * @param agreement       share of the graph walk's top 5 passages that are also in the dense top 5
 * @param denseTop        best dense cosine
 */
public record EvidenceSignals(double seedMass, double denseMass, double fixedShare, int nameSeeds, double nameShare,
                              double factTop, double graphTopShare, double agreement, double denseTop) {
    static final int TOP = 5;

    /** The signals of one question's seeds, dense hits and walks. */
    static EvidenceSignals of(List<SeedNode> seeds, List<ScoredChunk> dense, PageRankStage.Ranking graphWalk,
                              GraphProjection projection, double passageNodeWeight) {
        double[] graph = graphWalk.scores();
        double seedMass = 0;
        double nameMass = 0;
        int names = 0;
        double factTop = 0;
        for (SeedNode s : seeds) {
            seedMass += s.seed().weight();
            if (s.seed().via().contains("name:")) {
                nameMass += s.seed().weight();
                names++;
            }
            if (s.seed().via().startsWith("fact")) {
                factTop = Math.max(factTop, s.seed().linkScore());
            }
        }
        double max = dense.stream().mapToDouble(ScoredChunk::score).max().orElse(0);
        double min = dense.stream().mapToDouble(ScoredChunk::score).min().orElse(0);
        double denseMass = 0;
        for (ScoredChunk c : dense) {
            denseMass += max > min ? (c.score() - min) / (max - min) : 1.0;
        }
        double pnw = passageNodeWeight * denseMass;
        double fixedShare = seedMass + pnw > 0 ? seedMass / (seedMass + pnw) : 1;

        int[] top = graphWalk.top(TOP, projection::isChunk);
        double chunkMass = 0;
        int count = graphWalk.local() ? graphWalk.candidateCount() : graph.length;
        for (int i = 0; i < count; i++) {
            int node = graphWalk.local() ? graphWalk.candidates()[i] : i;
            if (graph[node] > 0 && projection.isChunk(node)) {
                chunkMass += graph[node];
            }
        }
        double topMass = 0;
        Set<String> graphDocs = new HashSet<>();
        for (int node : top) {
            topMass += graph[node];
            graphDocs.add(projection.nodeId(node));
        }
        Set<String> denseDocs = new HashSet<>();
        for (int i = 0; i < Math.min(TOP, dense.size()); i++) {
            denseDocs.add(dense.get(i).chunkId());
        }
        int shared = 0;
        for (String id : graphDocs) {
            shared += denseDocs.contains(id) ? 1 : 0;
        }
        return new EvidenceSignals(seedMass, denseMass, fixedShare, names, seedMass > 0 ? nameMass / seedMass : 0,
                factTop, chunkMass > 0 ? topMass / chunkMass : 0, top.length == 0 ? 0 : shared / (double) TOP, max);
    }

    /** The signals by name, for {@code --explain} and traces. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("seedMass", seedMass);
        m.put("denseMass", denseMass);
        m.put("fixedShare", fixedShare);
        m.put("nameSeeds", (double) nameSeeds);
        m.put("nameShare", nameShare);
        m.put("factTop", factTop);
        m.put("graphTopShare", graphTopShare);
        m.put("agreement", agreement);
        m.put("denseTop", denseTop);
        return m;
    }
}
