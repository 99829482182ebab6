package dev.engram.store.knowledge;

/** What one {@link KnowledgeWriter#write} call added to the graph. */
public record KnowledgeWriteSummary(int entitiesCreated, int relationsCreated, int mentions, int facts, int synonymsCreated) {}
