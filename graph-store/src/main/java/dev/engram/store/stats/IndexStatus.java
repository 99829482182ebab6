package dev.engram.store.stats;

import java.util.List;

/** One index or constraint-backing index: what it covers and whether it is ready. */
public record IndexStatus(String name, String type, String entityType, List<String> labelsOrTypes,
                          List<String> properties, String state, double populationPercent) {
    public IndexStatus {
        labelsOrTypes = labelsOrTypes == null ? List.of() : List.copyOf(labelsOrTypes);
        properties = properties == null ? List.of() : List.copyOf(properties);
    }
}
