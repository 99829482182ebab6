package dev.engram.ingest.knowledge;

import dev.engram.records.embedding.Embedder;
import dev.engram.store.concurrent.Background;
import dev.engram.store.knowledge.KnowledgeWriter;
import dev.engram.store.knowledge.MissingEntityVectors;
import dev.engram.store.knowledge.NameMentionLinker;
import dev.engram.store.knowledge.SynonymRebuilder;
import dev.engram.store.neo4j.GraphStore;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.neo4j.driver.Session;

/**
 * What a run that links at the end does after its last batch (or after all its workers): name mentions between the
 * run's chunks and its new entities, the new entities' name vectors in id order, and an exact synonym rebuild. Each
 * step reads only the finished corpus, so the result does not depend on batch sizes, document order or the number
 * of workers: the name-mention cut-off counts the extractor's mentions of the whole run, not those of the batches
 * that happened to come first, and a name's vector shares its embedder call with the same names every time.
 */
public final class EndOfRunResolution implements KnowledgeStage.EndOfRun {
    // names embedded while the name mentions are linked (their vectors are held until both are done: 48 MB)
    private static final int AHEAD = 32_768;

    private final GraphStore store;
    private final Embedder embedder;
    private final ZonedDateTime since;
    private final SynonymRebuilder.Progress progress;

    /**
     * The resolution of a run that started at {@code since} (the database's clock, {@link #now}), or of the runs
     * (shards, workers) that left entities without a vector when {@code since} is null.
     */
    public EndOfRunResolution(GraphStore store, Embedder embedder, ZonedDateTime since) {
        this(store, embedder, since, SynonymRebuilder.Progress.NONE);
    }

    /** The same, telling {@code progress} how the synonym rebuild goes. */
    public EndOfRunResolution(GraphStore store, Embedder embedder, ZonedDateTime since,
                              SynonymRebuilder.Progress progress) {
        this.store = store;
        this.embedder = embedder;
        this.since = since;
        this.progress = progress;
    }

    /** The database's clock, which stamps documents' {@code ingestedAt}. */
    public static ZonedDateTime now(GraphStore store) {
        try (Session session = store.session()) {
            return session.run("RETURN datetime() AS now").single().get("now").asZonedDateTime();
        }
    }

    @Override
    public Done run(boolean wrote) {
        Map<String, String> newEntities = unembeddedEntities();
        if (!wrote && newEntities.isEmpty()) {
            return null;
        }
        MissingEntityVectors missing = new MissingEntityVectors(store, embedder);
        // the name mentions (database work) run beside the embedding of the first names (model work)
        List<String> ids = List.copyOf(newEntities.keySet());
        List<String> ahead = ids.subList(0, Math.min(ids.size(), MissingEntityVectors.pageMultiple(AHEAD)));
        ExecutorService beside = Background.daemons(1, "engram-name-mentions");
        Set<String> touched;
        long t = System.nanoTime();
        List<float[]> vectors;
        long embedNanos;
        try {
            Future<Set<String>> mentions = beside.submit(() -> new NameMentionLinker(store).link(runChunks(), newEntities));
            vectors = missing.embed(ahead.stream().map(newEntities::get).toList());
            embedNanos = System.nanoTime() - t;
            touched = Background.await(mentions, "interrupted while linking name mentions");
        } finally {
            beside.shutdownNow();
        }
        missing.write(ahead, vectors);
        new KnowledgeWriter(store, embedder).recount(touched);
        MissingEntityVectors.Result rest = missing.embedAll(); // beyond the first pages, in the same slices
        int names = ahead.size() + rest.embedded();
        SynonymRebuilder.Result synonyms = SynonymRebuilder.standard(store).rebuild(progress);
        return new Done(String.format("end of run: name mentions for %d entities, %d entity names embedded; synonyms "
                + "rebuilt: %s", touched.size(), names, synonyms.summary()), names, embedNanos + rest.embedNanos());
    }

    // entities created by the run (they get their vector only now), in id order
    private Map<String, String> unembeddedEntities() {
        Map<String, String> out = new LinkedHashMap<>();
        try (Session session = store.session()) {
            session.run("MATCH (e:Entity) WHERE e.embedding IS NULL RETURN e.id AS id, coalesce(e.name, e.id) AS name "
                    + "ORDER BY e.id").forEachRemaining(r -> out.put(r.get("id").asString(), r.get("name").asString()));
        }
        return out;
    }

    // the chunks of documents written since the run began, and (for a run resumed after a kill before its end, or
    // shards that left all this to a later pass) the chunks naming an entity still without a vector: in a new
    // corpus every chunk, since each names its document's title
    private List<String> runChunks() {
        try (Session session = store.session()) {
            return session.run("""
                    CALL () {
                      MATCH (d:Document) WHERE $since IS NOT NULL AND d.ingestedAt >= $since
                      MATCH (c:Chunk {documentId: d.id})
                      RETURN c
                      UNION
                      MATCH (c:Chunk)-[:MENTIONS]->(e:Entity) WHERE e.embedding IS NULL
                      RETURN c
                    }
                    RETURN DISTINCT c.id AS id ORDER BY id
                    """, java.util.Collections.singletonMap("since", since)).list(r -> r.get("id").asString());
        }
    }
}
