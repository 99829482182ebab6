package dev.engram.retrieval.global;

import dev.engram.store.community.CommunityRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The communities one caller may see, with their summaries and embeddings: the stored hierarchy for an unrestricted
 * caller, or one built from the caller's readable graph only.
 *
 * @param communities every community, coarse levels first
 * @param modularity  modularity of the level-0 partition (NaN when read from the store)
 * @param stored      true when read from the store's {@code (:Community)} nodes
 */
public record CommunityView(List<CommunityRecord> communities, double modularity, boolean stored) {
    public CommunityView {
        communities = List.copyOf(communities);
    }

    /** The communities of one level. */
    public List<CommunityRecord> level(int level) {
        return communities.stream().filter(c -> c.level() == level).toList();
    }

    /** Number of levels. */
    public int levels() {
        return communities.stream().mapToInt(CommunityRecord::level).max().orElse(-1) + 1;
    }

    /** One community by id. */
    public Optional<CommunityRecord> community(String id) {
        return communities.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The level-{@code level} community of each member entity id. */
    public Map<String, String> membership(int level) {
        return level(level).stream().flatMap(c -> c.entityIds().stream().map(e -> Map.entry(e, c.id())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    /** The level-{@code level} community owning each chunk id (only themes own chunks). */
    public Map<String, String> chunkMembership(int level) {
        return level(level).stream().flatMap(c -> c.chunkIds().stream().map(ch -> Map.entry(ch, c.id())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    /** Communities by id. */
    public Map<String, CommunityRecord> byId() {
        return communities.stream().collect(Collectors.toMap(CommunityRecord::id, Function.identity()));
    }
}
