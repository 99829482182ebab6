package dev.engram.store.community;

import java.util.List;

/**
 * A community with its summary, as stored on a {@code (:Community)} node and shown to callers.
 *
 * @param id            path id ({@code c3}, {@code c3.1})
 * @param level         0 for the coarsest
 * @param parentId      the enclosing community one level up, or null at level 0
 * @param size          number of member entities
 * @param title         names of its most central entities
 * @param keywords      further central entities and frequent predicates
 * @param facts         its most informative relations, verbalized, each with a supporting chunk
 * @param sentences     representative sentences from its chunks, each with its chunk
 * @param summary       the offline summary text (title, keywords, facts, sentences)
 * @param report        an LLM-written report from the same material, or null
 * @param chunkCount    chunks mentioning a member
 * @param documentCount documents of those chunks
 * @param entityIds     member entity ids, most central first
 * @param chunkIds      ids of the chunks a theme owns (the passage cluster it was found from); empty below the theme
 *                      level
 * @param embedding     the summary's embedding, or null before it is embedded
 */
public record CommunityRecord(String id, int level, String parentId, int size, String title, List<String> keywords,
                              List<CitedLine> facts, List<CitedLine> sentences, String summary, String report,
                              int chunkCount, int documentCount, List<String> entityIds, List<String> chunkIds,
                              float[] embedding) {
    public CommunityRecord {
        keywords = List.copyOf(keywords);
        facts = List.copyOf(facts);
        sentences = List.copyOf(sentences);
        entityIds = List.copyOf(entityIds);
        chunkIds = List.copyOf(chunkIds);
    }

    /** The report when there is one, else the offline summary. */
    public String text() {
        return report != null && !report.isBlank() ? report : summary;
    }

    /** The same community with an LLM report. */
    public CommunityRecord withReport(String value) {
        return new CommunityRecord(id, level, parentId, size, title, keywords, facts, sentences, summary, value,
                chunkCount, documentCount, entityIds, chunkIds, embedding);
    }

    /** The same community placed at another level under another parent. */
    public CommunityRecord at(int newLevel, String newParentId) {
        return new CommunityRecord(id, newLevel, newParentId, size, title, keywords, facts, sentences, summary, report,
                chunkCount, documentCount, entityIds, chunkIds, embedding);
    }

    /** The same community with an embedding. */
    public CommunityRecord withEmbedding(float[] value) {
        return new CommunityRecord(id, level, parentId, size, title, keywords, facts, sentences, summary, report,
                chunkCount, documentCount, entityIds, chunkIds, value);
    }
}
