package dev.engram.retrieval.linking;

import dev.engram.records.triples.EntityNormalizer;
import dev.engram.retrieval.Seed;
import dev.engram.retrieval.graph.AccessMask;
import dev.engram.store.projection.GraphProjection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Links question mentions to entities whose normalized name is exactly the mention's ("Blood Street" →
 * {@code blood street}), looked up in the in-memory graph, so it costs no database call. Encyclopaedic corpora
 * title their passages with the names questions use, and an exact name is a far surer link than a nearest
 * vector. Weight = {@code weight} / chunks mentioning the entity (node specificity), like the other seeds.
 */
public final class NameLinker {
    private final Function<String, List<String>> mentions;
    private final EntityNormalizer normalizer = new EntityNormalizer();

    /** A linker over the mentions {@code mentions} finds in a question. */
    public NameLinker(Function<String, List<String>> mentions) {
        this.mentions = mentions;
    }

    /** Seeds for mentions that name an entity some readable chunk mentions. */
    public List<SeedNode> link(String question, double weight, GraphProjection projection, AccessMask access) {
        if (weight <= 0) {
            return List.of();
        }
        Map<Integer, SeedNode> seeds = new LinkedHashMap<>();
        boolean cased = !question.equals(question.toLowerCase(java.util.Locale.ROOT));
        for (String mention : mentions.apply(question)) {
            if (cased && !named(mention)) {
                continue;
            }
            int node = projection.node(normalizer.normalize(mention));
            if (node < 0 || projection.isChunk(node) || seeds.containsKey(node)
                    || !access.anyMentioningChunk(projection, node)) {
                continue;
            }
            seeds.put(node, new SeedNode(node, new Seed(projection.nodeId(node), projection.entityName(node),
                    "name:" + mention, 1.0, weight / projection.entityChunkCount(node))));
        }
        return new ArrayList<>(seeds.values());
    }

    /**
     * Whether a mention reads as a name: it has a capital letter or a digit. In a question written with capitals, an
     * all-lower-case mention ("currency", "plane", "most people") is a common noun; naming an entity that one or two
     * chunks happen to mention, it would take a full seed weight and pull the walk to an unrelated passage.
     */
    static boolean named(String mention) {
        return mention.chars().anyMatch(c -> Character.isUpperCase(c) || Character.isDigit(c));
    }
}
