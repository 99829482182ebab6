package dev.engram.store.community.bench;

import dev.engram.pagerank.CsrGraph;
import dev.engram.store.neo4j.GraphStore;
import dev.engram.store.neo4j.StoreConfig;
import dev.engram.store.projection.GraphProjection;
import dev.engram.store.projection.GraphProjector;
import dev.engram.store.projection.ProjectionWeights;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the entity graph communities are found on (RELATION and SYNONYM edges of an Engram store, as projected with
 * the default weights, parallel edges summed, self-loops dropped) in the bench format: NAME.meta, NAME.edges,
 * NAME.weights. Usage: ExportEntityGraph DATA_DIR OUT_DIR NAME.
 */
public final class ExportEntityGraph {
    private ExportEntityGraph() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[1]);
        String name = args[2];
        try (GraphStore store = GraphStore.open(StoreConfig.embedded(Path.of(args[0]), 0))) {
            GraphProjection p = new GraphProjector(store, ProjectionWeights.DEFAULTS).project();
            CsrGraph g = p.graph();
            int entities = p.entityCount();
            List<int[]> edges = new ArrayList<>();
            List<Float> weights = new ArrayList<>();
            for (int u = 0; u < entities; u++) {
                for (int a = g.firstArc(u); a < g.endArc(u); a++) {
                    int v = g.target(a);
                    if (v < entities && v > u && g.weight(a) > 0f) {
                        edges.add(new int[] {u, v});
                        weights.add(g.weight(a));
                    }
                }
            }
            Files.createDirectories(out);
            Files.writeString(out.resolve(name + ".meta"), entities + " " + edges.size() + "\n");
            try (BufferedWriter w = Files.newBufferedWriter(out.resolve(name + ".edges"))) {
                for (int[] e : edges) {
                    w.write(e[0] + " " + e[1]);
                    w.newLine();
                }
            }
            ByteBuffer buf = ByteBuffer.allocate(4 * weights.size()).order(ByteOrder.LITTLE_ENDIAN);
            weights.forEach(buf::putFloat);
            Files.write(out.resolve(name + ".weights"), buf.array());
            System.out.printf("exported %s: %d entities, %d entity edges%n", name, entities, edges.size());
        }
    }
}
