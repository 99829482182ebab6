package dev.engram.app.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engram.app.config.ConfigSource;
import dev.engram.app.config.EngramConfig;
import dev.engram.app.config.Setting;
import dev.engram.app.runtime.EngramRuntime;
import dev.engram.retrieval.Mode;
import dev.engram.retrieval.RetrievalRequest;
import dev.engram.retrieval.eval.EvalQuestion;
import dev.engram.retrieval.eval.QuestionFile;
import dev.engram.retrieval.graph.GraphRagRetriever;
import dev.engram.retrieval.linking.SeedNode;
import dev.engram.store.projection.GraphProjection;
import dev.engram.store.search.AccessFilter;
import dev.engram.store.search.ScoredChunk;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Development tool (issue 16): per question of a development set, the seeds, the dense hits and the two walks graphrag
 * mixes, one JSON line each, so weighting rules can be compared offline (the walk is linear in its reset vector).
 * {@code java -cp <app test classpath> dev.engram.app.eval.ComponentDump <data-dir> <questions.jsonl> <out.jsonl>}
 */
public final class ComponentDump {
    private static final int DEPTH = 60;
    /** Graph shares at which the second round is dumped too (it is not linear in the share). */
    private static final double[] SHARES = {0, 0.2, 0.35, 0.5, 0.65, 0.8, 0.9, 1.0};

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        List<EvalQuestion> questions = QuestionFile.read(Path.of(args[1]));
        ObjectMapper json = new ObjectMapper();
        EngramConfig config = EngramConfig.load(ConfigSource.of(
                Map.of(Setting.DATA_DIR, dataDir.toString(), Setting.BOLT_PORT, "0"), System::getenv));
        try (EngramRuntime runtime = EngramRuntime.open(config);
             BufferedWriter out = Files.newBufferedWriter(Path.of(args[2]))) {
            GraphRagRetriever retriever = unwrap(runtime.retriever(Mode.GRAPHRAG));
            for (EvalQuestion q : questions) {
                RetrievalRequest request = new RetrievalRequest(q.question(), Mode.GRAPHRAG, 24, AccessFilter.ALL);
                GraphRagRetriever.Components c = retriever.components(request);
                List<double[]> bridges = retriever.bridgesAt(request, SHARES);
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("id", q.id());
                line.put("question", q.question());
                line.put("gold", q.goldIds());
                List<Object> seeds = new ArrayList<>();
                for (SeedNode s : c.seeds()) {
                    seeds.add(List.of(s.seed().name(), s.seed().via(), s.seed().linkScore(), s.seed().weight(),
                            c.projection().entityChunkCount(s.node())));
                }
                line.put("seeds", seeds);
                List<Object> dense = new ArrayList<>();
                for (ScoredChunk d : c.dense()) {
                    dense.add(List.of(d.chunkId(), d.documentId(), d.score()));
                }
                line.put("dense", dense);
                if (c.graphScores() != null && c.denseScores() != null) {
                    line.put("signals", c.signals().asMap());
                    GraphProjection p = c.projection();
                    Set<Integer> nodes = new LinkedHashSet<>();
                    for (int n : dev.engram.pagerank.TopK.of(c.graphScores(), DEPTH, p::isChunk)) nodes.add(n);
                    for (double[] b : bridges) {
                        if (b != null) {
                            for (int n : dev.engram.pagerank.TopK.of(b, 30, p::isChunk)) nodes.add(n);
                        }
                    }
                    for (int n : dev.engram.pagerank.TopK.of(c.denseScores(), DEPTH, p::isChunk)) nodes.add(n);
                    if (c.bridgeScores() != null) {
                        for (int n : dev.engram.pagerank.TopK.of(c.bridgeScores(), DEPTH, p::isChunk)) nodes.add(n);
                    }
                    List<Object> walk = new ArrayList<>();
                    for (int n : nodes) {
                        List<Object> row = new ArrayList<>(List.of(p.nodeId(n), p.chunkDocumentId(n),
                                c.graphScores()[n], c.denseScores()[n],
                                c.bridgeScores() == null ? 0.0 : c.bridgeScores()[n]));
                        List<Double> atShares = new ArrayList<>();
                        for (double[] b : bridges) {
                            atShares.add(b == null ? 0.0 : b[n]);
                        }
                        row.add(atShares);
                        List<Integer> entities = new ArrayList<>();
                        var g = p.graph();
                        for (int arc = g.firstArc(n); arc < g.endArc(n); arc++) {
                            if (!p.isChunk(g.target(arc))) {
                                entities.add(g.target(arc));
                            }
                        }
                        row.add(entities);
                        walk.add(row);
                    }
                    line.put("walk", walk);
                    double chunkG = 0, chunkD = 0;
                    for (int n = 0; n < c.graphScores().length; n++) {
                        if (p.isChunk(n)) {
                            chunkG += c.graphScores()[n];
                            chunkD += c.denseScores()[n];
                        }
                    }
                    line.put("chunkMass", List.of(chunkG, chunkD));
                }
                out.write(json.writeValueAsString(line));
                out.newLine();
            }
        }
    }

    // the runtime wraps the graph retriever (grading, decomposition): every wrapper is a record with an inner()
    private static GraphRagRetriever unwrap(dev.engram.retrieval.Retriever r) throws ReflectiveOperationException {
        while (!(r instanceof GraphRagRetriever)) {
            r = (dev.engram.retrieval.Retriever) r.getClass().getMethod("inner").invoke(r);
        }
        return (GraphRagRetriever) r;
    }
}
