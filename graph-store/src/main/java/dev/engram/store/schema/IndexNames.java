package dev.engram.store.schema;

/** Names of the indexes Engram creates, for queries that name an index. */
public final class IndexNames {

    /** Vector index on {@code Chunk.embedding}. */
    public static final String CHUNK_EMBEDDING = "engram_chunk_embedding";
    /** Vector index on {@code Entity.embedding}. */
    public static final String ENTITY_EMBEDDING = "engram_entity_embedding";
    /** Vector index on {@code RELATION.embedding} (the facts). */
    public static final String FACT_EMBEDDING = "engram_fact_embedding";
    /** Vector index on {@code Community.embedding} (the community summaries). */
    public static final String COMMUNITY_EMBEDDING = "engram_community_embedding";
    /** Full-text (Lucene BM25) index on {@code Chunk.text}. */
    public static final String CHUNK_TEXT = "engram_chunk_text";
    /** Full-text index on {@code Entity.name}. */
    public static final String ENTITY_NAME = "engram_entity_name";

    private IndexNames() {}
}
