package dev.engram.ingest.knowledge;

import dev.engram.records.embedding.Embedder;
import dev.engram.store.knowledge.ChunkKnowledge;
import dev.engram.store.knowledge.KnowledgeWriteSummary;
import dev.engram.store.knowledge.KnowledgeWriter;
import dev.engram.store.knowledge.PreparedKnowledge;
import dev.engram.store.knowledge.SynonymLinker;
import dev.engram.store.knowledge.MissingEntityVectors;
import dev.engram.store.neo4j.GraphStore;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.neo4j.driver.Session;

/**
 * The knowledge half of a batch's write: the knowledge writer, then each resolver in order, then one recount of the
 * chunk counts of every entity touched. Recounting last matters: the name-mention resolver skips entities already
 * mentioned by many chunks, judged by the counts as they stood before this batch.
 */
public final class KnowledgeStage {
    private final KnowledgeWriter writer;
    private final List<Resolver> resolvers;
    private final EndOfRun endOfRun;
    private final LongFunction<KnowledgeStage> perRun; // null unless the synonym mode is decided per run

    /**
     * What runs once after the last batch of an ingest that created entities: embedding the names of the entities
     * it created without a vector, in id order, then an exact synonym rebuild.
     */
    @FunctionalInterface
    public interface EndOfRun {
        /** Nothing. */
        EndOfRun NONE = wrote -> null;

        /** Runs ({@code wrote}: whether the run wrote any document); returns what it did, or null for nothing. */
        Done run(boolean wrote);

        /** One line for the summary, the entity names embedded and the embedder's time for them. */
        record Done(String summary, int namesEmbedded, long embedNanos) {}
    }

    /** A stage writing through {@code writer}, then running {@code resolvers} in order. */
    public KnowledgeStage(KnowledgeWriter writer, List<Resolver> resolvers) {
        this(writer, resolvers, EndOfRun.NONE);
    }

    /** A stage writing through {@code writer}, running {@code resolvers} after each batch and {@code endOfRun} once. */
    public KnowledgeStage(KnowledgeWriter writer, List<Resolver> resolvers, EndOfRun endOfRun) {
        this(writer, resolvers, endOfRun, null);
    }

    private KnowledgeStage(KnowledgeWriter writer, List<Resolver> resolvers, EndOfRun endOfRun,
                           LongFunction<KnowledgeStage> perRun) {
        this.writer = writer;
        this.resolvers = List.copyOf(resolvers);
        this.endOfRun = endOfRun;
        this.perRun = perRun;
    }

    /**
     * The stage for one run of about {@code runDocuments} documents (negative when unknown): this one, unless it
     * was made for {@link SynonymMode#AUTO}, which decides here from the run's size and the store's.
     */
    public KnowledgeStage forRun(long runDocuments) {
        return perRun == null ? this : perRun.apply(runDocuments);
    }

    private static long count(GraphStore store, String query) {
        try (Session session = store.session()) {
            return session.executeRead(tx -> tx.run(query).single().get(0).asLong());
        }
    }

    /** The default stage: name mentions, then synonyms at cosine 0.8. */
    public static KnowledgeStage standard(GraphStore store, Embedder embedder) {
        return new KnowledgeStage(new KnowledgeWriter(store, embedder), standardResolvers(store));
    }

    /**
     * The default stage with synonyms linked as {@code synonyms} says: per batch (also for {@code AUTO}, which the
     * caller resolves first), by one exact rebuild at the end of the run, or not at all.
     */
    public static KnowledgeStage standard(GraphStore store, Embedder embedder, SynonymMode synonyms) {
        KnowledgeWriter writer = new KnowledgeWriter(store, embedder);
        return switch (synonyms) {
            case AUTO -> new KnowledgeStage(writer, standardResolvers(store), EndOfRun.NONE,
                    runDocuments -> standard(store, embedder, synonyms.resolve(runDocuments,
                            count(store, "MATCH (d:Document) RETURN count(d)"), count(store, "MATCH (e:Entity) RETURN count(e)")))
                            .forRun(runDocuments));
            // a run killed before its end may have left entities without vectors: whoever comes next embeds them
            case PER_BATCH -> new KnowledgeStage(writer, standardResolvers(store), wrote -> missingNames(store, embedder));
            // the run's name mentions, names' vectors and synonyms come after its last batch (EndOfRunResolution)
            case NONE -> new KnowledgeStage(new KnowledgeWriter(store, embedder, false), List.of());
            case AT_END -> new KnowledgeStage(new KnowledgeWriter(store, embedder, false), List.of(), EndOfRun.NONE,
                    runDocuments -> new KnowledgeStage(new KnowledgeWriter(store, embedder, false), List.of(),
                            new EndOfRunResolution(store, embedder, EndOfRunResolution.now(store))));
        };
    }

    private static EndOfRun.Done missingNames(GraphStore store, Embedder embedder) {
        MissingEntityVectors.Result names = new MissingEntityVectors(store, embedder).embedAll();
        return names.embedded() == 0 ? null : new EndOfRun.Done(names.embedded() + " entity names embedded",
                names.embedded(), names.embedNanos());
    }

    /** Runs what this stage does once after a run's last batch ({@code wrote}: any document); what it did, or null. */
    public EndOfRun.Done endOfRun(boolean wrote) {
        return endOfRun.run(wrote);
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
        return write(prepare(knowledge, null), true);
    }

    /**
     * The half of a write that needs no lock and holds the embedding: see {@link KnowledgeWriter#prepare}; an
     * ingest prepares one batch while the previous one ({@code previous}, or null) is still being written.
     */
    public PreparedKnowledge prepare(List<ChunkKnowledge> knowledge, PreparedKnowledge previous) {
        return writer.prepare(knowledge, previous);
    }

    /** Writes a prepared batch (the batch it was prepared against must be written already) and resolves it. */
    public Result write(PreparedKnowledge prepared) {
        return write(prepared, false);
    }

    private Result write(PreparedKnowledge prepared, boolean embeddedHere) {
        long t = System.nanoTime();
        KnowledgeWriteSummary written = writer.write(prepared);
        long write = System.nanoTime() - t + (embeddedHere ? prepared.embedded().nanos() : 0);
        if (written.equals(KnowledgeWriteSummary.EMPTY)) {
            return new Result(written, Map.of(), new Timings(write, embeddedHere ? prepared.embedded().nanos() : 0,
                    Map.of(), 0));
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
        return new Result(written, resolved, new Timings(write, embeddedHere ? written.embedded().nanos() : 0,
                resolverNanos, System.nanoTime() - t));
    }
}
