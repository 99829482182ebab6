package dev.engram.retrieval.linking;

import dev.engram.records.embedding.Embedder;
import dev.engram.retrieval.Seed;
import dev.engram.store.projection.GraphProjection;
import dev.engram.store.search.AccessFilter;
import dev.engram.store.search.EntitySearch;
import dev.engram.store.search.ScoredEntity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * HippoRAG 1's seeding: entity mentions pulled from the question, each linked to its nearest entities through the
 * entity vector index when the cosine clears a threshold; weight = link score / chunks mentioning the entity.
 */
public final class MentionLinker {
    private final Function<String, List<String>> mentions;
    private final Embedder embedder;
    private final EntitySearch search;

    /** A linker that finds mentions with {@code mentions} and links them through the entity index. */
    public MentionLinker(Function<String, List<String>> mentions, Embedder embedder, EntitySearch search) {
        this.mentions = mentions;
        this.embedder = embedder;
        this.search = search;
    }

    /** Seeds for the question's mentions, only entities the caller can see a chunk of. */
    public List<SeedNode> link(String question, int topK, double threshold, GraphProjection projection,
                               AccessFilter access) {
        List<String> found = mentions.apply(question);
        if (found.isEmpty() || topK == 0) {
            return List.of();
        }
        List<float[]> vectors = embedder.embedPassages(found);
        Map<Integer, SeedNode> seeds = new LinkedHashMap<>();
        for (int i = 0; i < found.size(); i++) {
            for (ScoredEntity e : search.entityByVector(vectors.get(i), topK, access)) {
                int node = projection.node(e.id());
                if (e.score() < threshold || node < 0) {
                    continue;
                }
                double weight = e.score() / projection.entityChunkCount(node);
                SeedNode previous = seeds.get(node);
                if (previous == null || previous.seed().weight() < weight) {
                    seeds.put(node, new SeedNode(node, new Seed(e.id(), projection.entityName(node),
                            "mention:" + found.get(i), e.score(), weight)));
                }
            }
        }
        return new ArrayList<>(seeds.values());
    }
}
