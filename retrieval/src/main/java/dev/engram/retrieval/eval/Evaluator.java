package dev.engram.retrieval.eval;

import dev.engram.retrieval.Mode;
import dev.engram.retrieval.RankedPassage;
import dev.engram.retrieval.RetrievalRequest;
import dev.engram.retrieval.RetrievalResult;
import dev.engram.retrieval.Retriever;
import dev.engram.retrieval.VerbalizedPath;
import dev.engram.store.search.AccessFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs questions through retrievers and scores the passages they return. Gold ids name documents, so a
 * ranking of chunks becomes a ranking of documents by each document's best chunk.
 */
public final class Evaluator {
    /** Called after each question: mode, questions done in that mode. */
    public interface Progress {
        void questionDone(Mode mode, int done);
    }

    /** Sees every question's outcome, for a per-question trace. */
    public interface Trace {
        void outcome(QuestionOutcome outcome);
    }

    /** The metric: share of questions graded as not covered by the corpus. */
    public static final String NOT_COVERED = "not-covered";

    private final Function<Mode, Retriever> retrievers;
    private final List<Integer> ks;

    /** An evaluator over the retrievers of each mode, reporting recall and all-evidence at each k. */
    public Evaluator(Function<Mode, Retriever> retrievers, List<Integer> ks) {
        this.retrievers = retrievers;
        this.ks = List.copyOf(ks);
    }

    /** Evaluates every mode over the questions, one mode after another. */
    public EvalReport run(String dataset, List<EvalQuestion> questions, List<Mode> modes, Progress progress) {
        return run(dataset, questions, modes, progress, null);
    }

    /** Evaluates every mode over the questions, handing each question's outcome to {@code trace} (may be null). */
    public EvalReport run(String dataset, List<EvalQuestion> questions, List<Mode> modes, Progress progress,
                          Trace trace) {
        int maxK = ks.stream().mapToInt(Integer::intValue).max().orElse(5);
        Map<String, ModeReport> reports = new LinkedHashMap<>();
        for (Mode mode : modes) {
            Retriever retriever = retrievers.apply(mode);
            warmUp(retriever, mode, questions);
            Map<String, Double> sums = new HashMap<>();
            double[] latency = new double[questions.size()];
            // a stage a question skipped (no seeds: no PPR) has no sample, rather than a zero that drags the median
            Map<String, List<Double>> stages = new LinkedHashMap<>();
            for (int q = 0; q < questions.size(); q++) {
                EvalQuestion question = questions.get(q);
                // chunks of one document share a document id: over-fetch so k distinct documents remain
                RetrievalRequest request = new RetrievalRequest(question.question(), mode, maxK * 3, AccessFilter.ALL);
                long start = System.nanoTime();
                RetrievalResult result = retriever.retrieve(request);
                latency[q] = (System.nanoTime() - start) / 1e6;
                result.timingsMillis().forEach((stage, millis) ->
                        stages.computeIfAbsent(stage, s -> new ArrayList<>()).add(millis));
                List<String> docs = documentRanking(result.passages());
                if (trace != null) {
                    trace.outcome(new QuestionOutcome(mode, question, docs, latency[q], result.seeds(), result.weighting(),
                            result.grades(), result.coverage(), result.notes(),
                            result.paths().stream().map(VerbalizedPath::text).toList()));
                }
                for (int k : ks) {
                    sums.merge("recall@" + k, RecallMetrics.recallAt(docs, question.goldIds(), k), Double::sum);
                    sums.merge("all-evidence@" + k, RecallMetrics.allEvidenceAt(docs, question.goldIds(), k), Double::sum);
                }
                if (result.coverage() != null) {
                    // share of questions the grader says the corpus does not cover
                    sums.merge(NOT_COVERED, result.coverage().covered() ? 0.0 : 1.0, Double::sum);
                }
                if (progress != null) {
                    progress.questionDone(mode, q + 1);
                }
            }
            Map<String, Double> means = new HashMap<>();
            sums.forEach((name, sum) -> means.put(name, questions.isEmpty() ? 0 : sum / questions.size()));
            Map<String, Double> stageMedians = new LinkedHashMap<>();
            stages.forEach((stage, millis) -> stageMedians.put(stage,
                    LatencyStats.percentile(millis.stream().mapToDouble(Double::doubleValue).toArray(), 50)));
            reports.put(mode.id(), new ModeReport(means,
                    LatencyStats.percentile(latency, 50), LatencyStats.percentile(latency, 95), stageMedians));
        }
        return new EvalReport(dataset, questions.size(), ks, reports);
    }

    /** Document ids in order of their best chunk. */
    static List<String> documentRanking(List<RankedPassage> ranked) {
        LinkedHashSet<String> docs = new LinkedHashSet<>();
        for (RankedPassage p : ranked) {
            docs.add(p.documentId());
        }
        return new ArrayList<>(docs);
    }

    // first queries pay for JIT and index warm-up; latency figures are about the steady state
    private static void warmUp(Retriever retriever, Mode mode, List<EvalQuestion> questions) {
        for (int i = 0; i < Math.min(3, questions.size()); i++) {
            retriever.retrieve(new RetrievalRequest(questions.get(i).question(), mode, 5, AccessFilter.ALL));
        }
    }
}
