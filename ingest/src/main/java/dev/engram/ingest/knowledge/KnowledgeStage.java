package dev.engram.ingest.knowledge;

import dev.engram.records.embedding.Embedder;
import dev.engram.store.knowledge.ChunkKnowledge;
import dev.engram.store.knowledge.KnowledgeWriteSummary;
import dev.engram.store.knowledge.KnowledgeWriter;
import dev.engram.store.knowledge.SynonymLinker;
import dev.engram.store.neo4j.GraphStore;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The knowledge half of a batch's write: the knowledge writer, then each resolver in order, then one recount of the
 * chunk counts of every entity touched. Recounting last matters: the name-mention resolver skips entities already
 * mentioned by many chunks, judged by the counts as they stood before this batch.
 */
public final class KnowledgeStage {
    private final KnowledgeWriter writer;
    private final List<Resolver> resolvers;

    /** A stage writing through {@code writer}, then running {@code resolvers} in order. */
    public KnowledgeStage(KnowledgeWriter writer, List<Resolver> resolvers) {
        this.writer = writer;
        this.resolvers = List.copyOf(resolvers);
    }

    /** The default stage: name mentions, then synonyms at cosine 0.8. */
    public static KnowledgeStage standard(GraphStore store, Embedder embedder) {
        return new KnowledgeStage(new KnowledgeWriter(store, embedder), standardResolvers(store));
    }

    /** Name mentions, then synonyms at HippoRAG's threshold. */
    public static List<Resolver> standardResolvers(GraphStore store) {
        return List.of(new NameMentionResolver(store), new SynonymResolver(store, SynonymLinker.DEFAULT_THRESHOLD));
    }

    /** What the stage wrote, the edges each resolver added, by resolver name, and where its time went. */
    public record Result(KnowledgeWriteSummary written, Map<String, Integer> resolved, Timings timings) {
        public Result {
            resolved = Map.copyOf(resolved);
        }

        /** SYNONYM edges created, 0 when no synonym resolver ran. */
        public int synonymsCreated() {
            return resolved.getOrDefault("synonyms", 0);
        }
    }

    /**
     * Nanoseconds of one write: the knowledge writer's (of which embedding new names and facts), each resolver's by
     * name, and the recount's.
     */
    public record Timings(long write, long embedding, Map<String, Long> resolvers, long recount) {
        public Timings {
            resolvers = Map.copyOf(resolvers);
        }

        /** Nothing timed. */
        public static final Timings NONE = new Timings(0, 0, Map.of(), 0);
    }

    /** Writes the knowledge of these chunks (already in the lexical graph) and resolves it; idempotent. */
    public Result write(List<ChunkKnowledge> knowledge) {
        long t = System.nanoTime();
        KnowledgeWriteSummary written = writer.write(knowledge);
        long write = System.nanoTime() - t;
        if (written.equals(KnowledgeWriteSummary.EMPTY)) {
            return new Result(written, Map.of(), new Timings(write, 0, Map.of(), 0));
        }
        Set<String> touched = new LinkedHashSet<>(written.entityIds());
        Map<String, Integer> resolved = new LinkedHashMap<>();
        Map<String, Long> resolverNanos = new LinkedHashMap<>();
        for (Resolver resolver : resolvers) {
            t = System.nanoTime();
            Resolver.Resolution r = resolver.resolve(written);
            resolverNanos.merge(resolver.name(), System.nanoTime() - t, Long::sum);
            resolved.put(resolver.name(), r.edgesCreated());
            touched.addAll(r.touchedEntities());
        }
        t = System.nanoTime();
        writer.recount(touched);
        return new Result(written, resolved,
                new Timings(write, written.embedded().nanos(), resolverNanos, System.nanoTime() - t));
    }
}
