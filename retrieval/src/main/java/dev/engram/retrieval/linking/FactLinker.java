package dev.engram.retrieval.linking;

import dev.engram.retrieval.Seed;
import dev.engram.store.projection.GraphProjection;
import dev.engram.store.search.AccessFilter;
import dev.engram.store.search.FactSearch;
import dev.engram.store.search.ScoredFact;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HippoRAG 2's query-to-fact linking: the question vector against the fact index; the subjects and objects of the
 * best facts become seeds, weighted by the min-max-normalised fact score averaged over the facts naming them,
 * divided by the number of chunks mentioning the entity (node specificity).
 */
public record FactLinker(FactSearch search) {

    /** Seeds from the {@code topK} facts most similar to the question that the caller may read. */
    public List<SeedNode> link(float[] questionVector, int topK, GraphProjection projection, AccessFilter access) {
        if (topK == 0) {
            return List.of();
        }
        List<ScoredFact> facts = search.factsByVector(questionVector, topK, access);
        if (facts.isEmpty()) {
            return List.of();
        }
        double max = facts.stream().mapToDouble(ScoredFact::score).max().orElse(1);
        double min = facts.stream().mapToDouble(ScoredFact::score).min().orElse(0);
        Map<Integer, double[]> sumAndCount = new LinkedHashMap<>();
        Map<Integer, Double> bestScore = new LinkedHashMap<>();
        for (ScoredFact f : facts) {
            // all-equal scores would divide by zero; they all count fully then
            double normalised = max > min ? (f.score() - min) / (max - min) : 1.0;
            for (String entity : List.of(f.subjectId(), f.objectId())) {
                int node = projection.node(entity);
                if (node < 0 || projection.isChunk(node)) {
                    continue;
                }
                double[] sc = sumAndCount.computeIfAbsent(node, n -> new double[2]);
                sc[0] += normalised;
                sc[1]++;
                bestScore.merge(node, f.score(), Math::max);
            }
        }
        List<SeedNode> seeds = new ArrayList<>();
        sumAndCount.forEach((node, sc) -> {
            double weight = sc[0] / sc[1] / projection.entityChunkCount(node);
            seeds.add(new SeedNode(node, new Seed(projection.nodeId(node), projection.entityName(node), "fact",
                    bestScore.get(node), weight)));
        });
        return seeds;
    }
}
