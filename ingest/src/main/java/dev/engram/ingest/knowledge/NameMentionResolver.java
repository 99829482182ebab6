package dev.engram.ingest.knowledge;

import dev.engram.store.knowledge.KnowledgeWriteSummary;
import dev.engram.store.knowledge.NameMentionLinker;
import dev.engram.store.neo4j.GraphStore;
import java.util.Set;

/** Links written chunks to the entities their text names, and new entities to the chunks naming them. */
public final class NameMentionResolver implements Resolver {
    private final NameMentionLinker linker;

    /** A resolver on {@code store}. */
    public NameMentionResolver(GraphStore store) {
        this.linker = new NameMentionLinker(store);
    }

    @Override
    public String name() {
        return "name mentions";
    }

    @Override
    public Resolution resolve(KnowledgeWriteSummary written) {
        Set<String> touched = linker.link(written.chunkIds(), written.newEntityNames());
        return new Resolution(touched.size(), touched);
    }
}
