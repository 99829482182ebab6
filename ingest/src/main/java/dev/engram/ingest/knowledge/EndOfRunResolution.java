package dev.engram.ingest.knowledge;

import dev.engram.records.embedding.Embedder;
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
import org.neo4j.driver.Session;

/**
 * What a run that links at the end does after its last batch (or after all its workers): name mentions between the
 * run's chunks and its new entities, the new entities' name vectors in id order, and an exact synonym rebuild. Each
 * step reads only the finished corpus, so the result does not depend on batch sizes, document order or the number
 * of workers: the name-mention cut-off counts the extractor's mentions of the whole run, not those of the batches
 * that happened to come first, and a name's vector shares its embedder call with the same names every time.
 */
public final class EndOfRunResolution implements KnowledgeStage.EndOfRun {
    private final GraphStore store;
    private final Embedder embedder;
    private final ZonedDateTime since;
    private final SynonymRebuilder.Progress progress;

    /** The resolution of a run that started at {@code since} (the database's clock, {@link #now}). */
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
        Set<String> touched = new NameMentionLinker(store).link(runChunks(), newEntities);
        new KnowledgeWriter(store, embedder).recount(touched);
        MissingEntityVectors.Result names = new MissingEntityVectors(store, embedder).embedAll();
        SynonymRebuilder.Result synonyms = SynonymRebuilder.standard(store).rebuild(progress);
        return new Done(String.format("end of run: name mentions for %d entities, %d entity names embedded; synonyms "
                + "rebuilt: %s", touched.size(), names.embedded(), synonyms.summary()), names.embedded(), names.embedNanos());
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

    private List<String> runChunks() {
        try (Session session = store.session()) {
            return session.run("""
                    MATCH (d:Document) WHERE d.ingestedAt >= $since
                    MATCH (c:Chunk {documentId: d.id})
                    RETURN c.id AS id ORDER BY id
                    """, Map.of("since", since)).list(r -> r.get("id").asString());
        }
    }
}
