package dev.engram.store.testing;

import dev.engram.records.embedding.Embedder;
import dev.engram.store.knowledge.ChunkKnowledge;
import dev.engram.store.knowledge.EntityRecord;
import dev.engram.store.knowledge.FactRecord;
import dev.engram.store.knowledge.KnowledgeWriteSummary;
import dev.engram.store.knowledge.KnowledgeWriter;
import dev.engram.store.knowledge.NameMentionLinker;
import dev.engram.store.knowledge.SynonymLinker;
import dev.engram.store.neo4j.GraphStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Builds chunk knowledge from readable triples; entity ids are lower-cased names, as a normaliser would. */
public final class Knowledge {

    private Knowledge() {}

    /**
     * Writes knowledge as an ingest would (the ingest module's KnowledgeStage, which graph-store cannot see):
     * entities, mentions and facts, name mentions, synonyms at cosine 0.8, then chunk counts.
     */
    public static KnowledgeWriteSummary write(GraphStore store, Embedder embedder, List<ChunkKnowledge> knowledge) {
        return write(store, embedder, true, knowledge);
    }

    /** As {@link #write(GraphStore, Embedder, List)}, with or without linking the names chunk texts spell out. */
    public static KnowledgeWriteSummary write(GraphStore store, Embedder embedder, boolean nameMentions,
                                              List<ChunkKnowledge> knowledge) {
        KnowledgeWriter writer = new KnowledgeWriter(store, embedder);
        KnowledgeWriteSummary written = writer.write(knowledge);
        Set<String> touched = new LinkedHashSet<>(written.entityIds());
        if (nameMentions) {
            touched.addAll(new NameMentionLinker(store).link(written.chunkIds(), written.newEntityNames()));
        }
        new SynonymLinker(store, SynonymLinker.DEFAULT_THRESHOLD).link(List.copyOf(written.newEntityNames().keySet()));
        writer.recount(touched);
        return written;
    }

    public static String id(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Knowledge of one chunk from triples written as {subject, predicate, object}, plus extra mentioned names. */
    public static ChunkKnowledge chunk(String chunkId, List<String[]> triples, String... alsoMentioned) {
        Set<String> names = new LinkedHashSet<>(List.of(alsoMentioned));
        List<FactRecord> facts = new ArrayList<>();
        for (String[] t : triples) {
            names.add(t[0]);
            names.add(t[2]);
            facts.add(new FactRecord(id(t[0]), t[1], id(t[2]), chunkId));
        }
        return new ChunkKnowledge(chunkId, names.stream().map(n -> new EntityRecord(id(n), n)).toList(), facts);
    }

    public static List<String[]> facts(String[]... triples) {
        return List.of(triples);
    }

    public static String[] t(String subject, String predicate, String object) {
        return new String[] {subject, predicate, object};
    }
}
