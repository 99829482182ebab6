package dev.engram.retrieval;

import dev.engram.store.community.CitedLine;
import java.util.List;

/**
 * A theme of the collection for a {@code global} question: one community, its summary, and the facts and sentences
 * that support it, each citing a chunk.
 */
public record Theme(String communityId, int level, String title, List<String> keywords, String summary, int size,
                    int documentCount, double score, List<CitedLine> evidence) {
    public Theme {
        keywords = List.copyOf(keywords);
        evidence = List.copyOf(evidence);
    }
}
