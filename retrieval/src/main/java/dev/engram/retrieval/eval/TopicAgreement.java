package dev.engram.retrieval.eval;

import java.util.HashMap;
import java.util.Map;

/**
 * How well a clustering of items agrees with their known labels: normalized mutual information (arithmetic-mean
 * normalization, as scikit-learn's default) and purity. Items missing from the clustering count as one cluster of
 * their own each, so leaving items out is never rewarded.
 */
public record TopicAgreement(double nmi, double purity, int items, int clusters, int labels) {

    /** The agreement of {@code clusterOf} (item to cluster) with {@code labelOf} (item to label). */
    public static TopicAgreement of(Map<String, String> labelOf, Map<String, String> clusterOf) {
        Map<String, String> clusters = new HashMap<>();
        for (String item : labelOf.keySet()) {
            String c = clusterOf.get(item);
            clusters.put(item, c == null ? "\u0000unclustered:" + item : c);
        }
        int n = labelOf.size();
        Map<String, Integer> labelCounts = new HashMap<>();
        Map<String, Integer> clusterCounts = new HashMap<>();
        Map<String, Map<String, Integer>> joint = new HashMap<>();
        for (Map.Entry<String, String> e : labelOf.entrySet()) {
            String c = clusters.get(e.getKey());
            labelCounts.merge(e.getValue(), 1, Integer::sum);
            clusterCounts.merge(c, 1, Integer::sum);
            joint.computeIfAbsent(c, k -> new HashMap<>()).merge(e.getValue(), 1, Integer::sum);
        }
        double hLabels = entropy(labelCounts, n);
        double hClusters = entropy(clusterCounts, n);
        double mi = 0;
        int pure = 0;
        for (Map.Entry<String, Map<String, Integer>> c : joint.entrySet()) {
            int best = 0;
            for (Map.Entry<String, Integer> l : c.getValue().entrySet()) {
                double pxy = l.getValue() / (double) n;
                double px = clusterCounts.get(c.getKey()) / (double) n;
                double py = labelCounts.get(l.getKey()) / (double) n;
                mi += pxy * Math.log(pxy / (px * py));
                best = Math.max(best, l.getValue());
            }
            pure += best;
        }
        double denominator = (hLabels + hClusters) / 2;
        double nmi = denominator == 0 ? 1 : mi / denominator;
        return new TopicAgreement(nmi, n == 0 ? 0 : pure / (double) n, n, clusterCounts.size(), labelCounts.size());
    }

    private static double entropy(Map<String, Integer> counts, int n) {
        double h = 0;
        for (int c : counts.values()) {
            double p = c / (double) n;
            h -= p * Math.log(p);
        }
        return h;
    }
}
