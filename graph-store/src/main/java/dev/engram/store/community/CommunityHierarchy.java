package dev.engram.store.community;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Communities found on an entity graph, coarse to fine: level 0 partitions the whole graph, a community of level
 * {@code l + 1} lies inside its parent of level {@code l}. Ids are paths ({@code c3}, its children {@code c3.0},
 * {@code c3.1}...), numbered by decreasing size, so the same partition always gets the same ids.
 *
 * @param communities every community, level by level, largest first within a parent
 * @param modularity  the modularity of the level-0 partition on the whole entity graph
 * @param nodeCount   entities in the entity graph (those with at least one edge)
 */
public record CommunityHierarchy(List<Community> communities, double modularity, int nodeCount) {

    /** One community: its entities are projection node ids, ascending. */
    public record Community(String id, int level, String parentId, int[] entities) {
        /** Number of entities. */
        public int size() {
            return entities.length;
        }
    }

    public CommunityHierarchy {
        communities = List.copyOf(communities);
    }

    /** The communities of one level. */
    public List<Community> level(int level) {
        return communities.stream().filter(c -> c.level() == level).toList();
    }

    /** Number of levels that hold at least one community. */
    public int levels() {
        return communities.stream().mapToInt(Community::level).max().orElse(-1) + 1;
    }

    /** Communities by id. */
    public Map<String, Community> byId() {
        return communities.stream().collect(Collectors.toMap(Community::id, Function.identity()));
    }
}
