package dev.engram.store.schema;

import dev.engram.records.embedding.Embedder;
import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.neo4j.GraphStoreException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/** Creates Engram's constraints and indexes, and pins the embedding model a store was built with. */
public final class SchemaManager {

    private static final int ONLINE_TIMEOUT_SECONDS = 600;

    private final GraphStore store;

    /** A schema manager for one store. */
    public SchemaManager(GraphStore store) {
        this.store = store;
    }

    /** Same as {@link #ensure(String, int)} with the embedder's model name and dimensions. */
    public void ensure(Embedder embedder) {
        ensure(embedder.modelName(), embedder.dimensions());
    }

    /**
     * Idempotently creates constraints and indexes for vectors of {@code dimensions}, waits until they are
     * online, and records the model; throws {@link StoreModelMismatchException} if the store was built with
     * another model or dimension.
     */
    public void ensure(String modelName, int dimensions) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("embedding dimensions must be positive, got " + dimensions);
        }
        List<String> statements = statements(dimensions);
        String version = Integer.toHexString(String.join("\n", statements).hashCode());
        try (Session session = store.session()) {
            // a store already set up by this schema needs one read, not seventeen statements each compiled cold:
            // that is seconds of every CLI command's start-up
            if (alreadySetUp(session, modelName, dimensions, version)) {
                return;
            }
            // check before creating anything, so a mismatch never half-migrates the schema
            pinModel(session, modelName, dimensions);
            for (String statement : statements) {
                session.run(statement).consume();
            }
            session.run("CALL db.awaitIndexes($seconds)", Map.of("seconds", ONLINE_TIMEOUT_SECONDS)).consume();
            List<String> failed = session.run("SHOW INDEXES YIELD name, state WHERE state <> 'ONLINE' RETURN name + ' ' + state AS s")
                    .list(r -> r.get("s").asString());
            if (!failed.isEmpty()) {
                throw new GraphStoreException("Indexes not online after " + ONLINE_TIMEOUT_SECONDS + " s: " + failed
                        + " (see logs/debug.log in the data directory, or drop and recreate them)");
            }
            checkVectorIndexDimensions(session, dimensions);
            session.executeWrite(tx -> tx.run("MATCH (m:EngramMeta {id: 'engram'}) SET m.schemaVersion = $version",
                    Map.of("version", version)).consume());
        }
    }

    /** True when the meta node says this model and this exact schema were set up and came online before. */
    private static boolean alreadySetUp(Session session, String modelName, int dimensions, String version) {
        return session.executeRead(tx -> tx.run("""
                MATCH (m:EngramMeta {id: 'engram'})
                RETURN m.embeddingModel = $model AND m.embeddingDimensions = $dims
                       AND m.schemaVersion = $version AS ready""",
                Map.of("model", modelName, "dims", dimensions, "version", version))
                .list(r -> r.get("ready").asBoolean(false)).stream().findFirst().orElse(false));
    }

    /** The embedding model this store was built with, or empty for a store Engram has not set up yet. */
    public Optional<StoredModel> storedModel() {
        try (Session session = store.session()) {
            return session.executeRead(tx -> tx.run(
                    "MATCH (m:EngramMeta {id: 'engram'}) RETURN m.embeddingModel AS model, m.embeddingDimensions AS dims")
                    .list(r -> new StoredModel(r.get("model").asString(null), r.get("dims").asInt(0)))
                    .stream().findFirst());
        }
    }

    private static void pinModel(Session session, String modelName, int dimensions) {
        Record meta = session.executeWrite(tx -> tx.run("""
                MERGE (m:EngramMeta {id: 'engram'})
                  ON CREATE SET m.embeddingModel = $model, m.embeddingDimensions = $dims, m.createdAt = datetime()
                RETURN m.embeddingModel AS model, m.embeddingDimensions AS dims
                """, Map.of("model", modelName, "dims", dimensions)).single());
        String storedModel = meta.get("model").asString(null);
        int storedDims = meta.get("dims").asInt(-1);
        if (!modelName.equals(storedModel) || storedDims != dimensions) {
            throw new StoreModelMismatchException(storedModel, storedDims, modelName, dimensions);
        }
    }

    /** Guards against indexes made outside Engram (or before the meta node existed) with another dimension. */
    private static void checkVectorIndexDimensions(Session session, int dimensions) {
        session.run("SHOW VECTOR INDEXES YIELD name, options RETURN name, options.indexConfig.`vector.dimensions` AS dims")
                .list()
                .forEach(r -> {
                    String name = r.get("name").asString();
                    if (name.startsWith("engram_") && !r.get("dims").isNull() && r.get("dims").asInt() != dimensions) {
                        throw new GraphStoreException("Vector index " + name + " has " + r.get("dims").asInt()
                                + " dimensions but the embedder has " + dimensions + "; drop it or use a new store");
                    }
                });
    }

    private static List<String> statements(int dims) {
        // quantization off: corpora here are small enough that exact vectors cost little and recall matters
        String vectorOptions = "OPTIONS {indexConfig: {`vector.dimensions`: " + dims
                + ", `vector.similarity_function`: 'cosine', `vector.quantization.enabled`: false}}";
        return List.of(
                "CREATE CONSTRAINT engram_document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE",
                "CREATE CONSTRAINT engram_chunk_id IF NOT EXISTS FOR (c:Chunk) REQUIRE c.id IS UNIQUE",
                "CREATE CONSTRAINT engram_entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE",
                "CREATE CONSTRAINT engram_community_id IF NOT EXISTS FOR (c:Community) REQUIRE c.id IS UNIQUE",
                "CREATE CONSTRAINT engram_section_id IF NOT EXISTS FOR (s:Section) REQUIRE s.id IS UNIQUE",
                "CREATE CONSTRAINT engram_ingestjob_id IF NOT EXISTS FOR (j:IngestJob) REQUIRE j.id IS UNIQUE",
                "CREATE INDEX engram_chunk_document IF NOT EXISTS FOR (c:Chunk) ON (c.documentId)",
                "CREATE INDEX engram_section_document IF NOT EXISTS FOR (s:Section) ON (s.documentId)",
                "CREATE INDEX engram_document_sha256 IF NOT EXISTS FOR (d:Document) ON (d.sha256)",
                "CREATE INDEX engram_relation_predicate IF NOT EXISTS FOR ()-[r:RELATION]-() ON (r.predicate)",
                "CREATE VECTOR INDEX " + IndexNames.CHUNK_EMBEDDING + " IF NOT EXISTS FOR (c:Chunk) ON c.embedding "
                        + vectorOptions,
                "CREATE VECTOR INDEX " + IndexNames.ENTITY_EMBEDDING + " IF NOT EXISTS FOR (e:Entity) ON e.embedding "
                        + vectorOptions,
                "CREATE VECTOR INDEX " + IndexNames.COMMUNITY_EMBEDDING
                        + " IF NOT EXISTS FOR (c:Community) ON c.embedding " + vectorOptions,
                "CREATE VECTOR INDEX " + IndexNames.FACT_EMBEDDING
                        + " IF NOT EXISTS FOR ()-[r:RELATION]-() ON r.embedding " + vectorOptions,
                // english analyzer: stems and drops stop words, so "What is the capital" matches on "capit"
                "CREATE FULLTEXT INDEX " + IndexNames.CHUNK_TEXT + " IF NOT EXISTS FOR (c:Chunk) ON EACH [c.text]"
                        + " OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}}",
                // names keep their stop words: "The Who" must stay findable
                "CREATE FULLTEXT INDEX " + IndexNames.ENTITY_NAME + " IF NOT EXISTS FOR (e:Entity) ON EACH [e.name]"
                        + " OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}}");
    }
}
