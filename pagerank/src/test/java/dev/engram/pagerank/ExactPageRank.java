package dev.engram.pagerank;

/**
 * Test oracle: the stationary distribution of the explicit Markov chain, built straight from an edge list (not
 * from the CSR) and solved by Gaussian elimination.
 */
final class ExactPageRank {

    private ExactPageRank() {
    }

    /**
     * Solves {@code pi = d * pi * P + (1 - d) * r} where P is row-normalised weights, dangling rows equal r and, in an
     * undirected graph, a self-loop counts twice.
     */
    static double[] solve(int n, int[] from, int[] to, float[] weight, boolean undirected, double[] reset,
                          double damping) {
        double[][] w = new double[n][n];
        for (int e = 0; e < from.length; e++) {
            w[from[e]][to[e]] += weight[e];
            if (undirected) {
                w[to[e]][from[e]] += weight[e]; // a self-loop lands twice on the diagonal
            }
        }
        double rs = 0;
        for (double v : reset) {
            rs += v;
        }
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = reset[i] / rs;
        }
        // A = I - d P^T, b = (1-d) r
        double[][] a = new double[n][n + 1];
        for (int u = 0; u < n; u++) {
            double sum = 0;
            for (int v = 0; v < n; v++) {
                sum += w[u][v];
            }
            for (int v = 0; v < n; v++) {
                double p = sum > 0 ? w[u][v] / sum : r[v];
                a[v][u] -= damping * p;
            }
        }
        for (int i = 0; i < n; i++) {
            a[i][i] += 1;
            a[i][n] = (1 - damping) * r[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int row = 0; row < n; row++) {
                if (row != col && a[row][col] != 0) {
                    double f = a[row][col] / a[col][col];
                    for (int k = col; k <= n; k++) {
                        a[row][k] -= f * a[col][k];
                    }
                }
            }
        }
        double[] pi = new double[n];
        for (int i = 0; i < n; i++) {
            pi[i] = a[i][n] / a[i][i];
        }
        return pi;
    }
}
