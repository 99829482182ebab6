package dev.engram.ingest.knowledge;

import dev.engram.store.knowledge.KnowledgeWriteSummary;
import dev.engram.store.knowledge.SynonymLinker;
import dev.engram.store.neo4j.GraphStore;
import java.util.List;
import java.util.Set;

/** Joins each new entity to its near-duplicates by SYNONYM edges (HippoRAG's synonymy edges). */
public final class SynonymResolver implements Resolver {
    private final SynonymLinker linker;

    /** A resolver linking entities whose cosine similarity is at least {@code threshold}. */
    public SynonymResolver(GraphStore store, double threshold) {
        this.linker = new SynonymLinker(store, threshold);
    }

    @Override
    public String name() {
        return "synonyms";
    }

    @Override
    public Resolution resolve(KnowledgeWriteSummary written) {
        return new Resolution(linker.link(List.copyOf(written.newEntityNames().keySet())), Set.of());
    }
}
