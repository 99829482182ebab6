package dev.engram.retrieval.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The result of one evaluation run: every requested mode over one question set. */
public record EvalReport(String dataset, int questions, List<Integer> ks, Map<String, ModeReport> modes) {

    /** The JSON shape of the eval command: {"dataset","questions","modes":{mode:{metric:value,"p50_ms","p95_ms"}}}. */
    public Map<String, Object> toJson() {
        Map<String, Object> modesJson = new LinkedHashMap<>();
        modes.forEach((mode, r) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int k : ks) {
                m.put("recall@" + k, round(r.metrics().get("recall@" + k)));
            }
            for (int k : ks) {
                m.put("all-evidence@" + k, round(r.metrics().get("all-evidence@" + k)));
            }
            if (r.metrics().containsKey(Evaluator.NOT_COVERED)) {
                m.put(Evaluator.NOT_COVERED, round(r.metrics().get(Evaluator.NOT_COVERED)));
            }
            m.put("p50_ms", round(r.p50Millis()));
            m.put("p95_ms", round(r.p95Millis()));
            if (!r.stageP50Millis().isEmpty()) {
                Map<String, Object> stages = new LinkedHashMap<>();
                r.stageP50Millis().forEach((stage, millis) -> stages.put(stage, round(millis)));
                m.put("stage_p50_ms", stages);
            }
            modesJson.put(mode, m);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dataset", dataset);
        out.put("questions", questions);
        out.put("modes", modesJson);
        return out;
    }

    /** A fixed-width table: one row a mode, one column a metric. */
    public String table() {
        StringBuilder sb = new StringBuilder(String.format("%-10s", "mode"));
        for (int k : ks) {
            sb.append(String.format(" %9s", "R@" + k));
        }
        for (int k : ks) {
            sb.append(String.format(" %9s", "AE@" + k));
        }
        boolean graded = modes.values().stream().anyMatch(r -> r.metrics().containsKey(Evaluator.NOT_COVERED));
        if (graded) {
            sb.append(String.format(" %11s", "not covered"));
        }
        sb.append(String.format(" %9s %9s%n", "p50 ms", "p95 ms"));
        modes.forEach((mode, r) -> {
            sb.append(String.format("%-10s", mode));
            for (int k : ks) {
                sb.append(String.format(" %9.3f", r.metrics().get("recall@" + k)));
            }
            for (int k : ks) {
                sb.append(String.format(" %9.3f", r.metrics().get("all-evidence@" + k)));
            }
            if (graded) {
                sb.append(String.format(" %11.3f", r.metrics().getOrDefault(Evaluator.NOT_COVERED, Double.NaN)));
            }
            sb.append(String.format(" %9.1f %9.1f%n", r.p50Millis(), r.p95Millis()));
        });
        modes.forEach((mode, r) -> {
            if (!r.stageP50Millis().isEmpty()) {
                StringBuilder stages = new StringBuilder();
                r.stageP50Millis().forEach((stage, millis) ->
                        stages.append(String.format(" %s %.1f", stage, millis)));
                sb.append(String.format("%-10s stage p50 ms:%s%n", mode, stages));
            }
        });
        return sb.toString();
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
