package dev.engram.ingest;

import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.neo4j.StoreConfig;
import java.nio.file.Path;
import java.util.Map;
import org.neo4j.driver.Session;

/**
 * Prints what makes two ingests' graphs equal, for comparing stores written by two builds: {@link IngestResumeTest}'s
 * counts of every label and type and relation provenance, plus digests of every MENTIONS and SYNONYM pair.
 * {@code java -cp <ingest test classpath> dev.engram.ingest.GraphSignature <data-dir>}.
 */
public final class GraphSignature {
    private GraphSignature() {}

    public static void main(String[] args) {
        try (GraphStore store = GraphStore.open(StoreConfig.embedded(Path.of(args[0]), 0))) {
            Map<String, Object> graph = IngestResumeTest.graph(store);
            try (Session s = store.session()) {
                graph.put("mention pairs", s.run("""
                        MATCH (c:Chunk)-[:MENTIONS]->(e:Entity) WITH c.id + '>' + e.id AS line ORDER BY line
                        RETURN collect(line) AS lines""").single().get(0).asList().hashCode());
                graph.put("synonym pairs", s.run("""
                        MATCH (a:Entity)-[:SYNONYM]-(b:Entity) WHERE a.id < b.id
                        WITH a.id + '~' + b.id AS line ORDER BY line RETURN collect(line) AS lines""")
                        .single().get(0).asList().hashCode());
                graph.put("entity names", s.run("""
                        MATCH (e:Entity) WITH e.id + '=' + e.name + '/' + e.chunkCount AS line ORDER BY line
                        RETURN collect(line) AS lines""").single().get(0).asList().hashCode());
            }
            graph.forEach((k, v) -> System.out.println(k + "\t" + v));
        }
    }
}
