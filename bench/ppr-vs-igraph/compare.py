#!/usr/bin/python3
"""igraph side of the PPR comparison: runs HippoRAG's exact igraph call on each graph written by
GenerateGraphs, compares with the Java scores (PprVsIgraphJava) and prints one table.

Usage: /usr/bin/python3 compare.py OUT_DIR NAME...   (run.sh calls it; needs Debian's python3-igraph)
"""
import array
import gc
import os
import statistics
import sys
import time

import igraph as ig

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from igraph_input import read_weighted_graph  # noqa: E402

MIN_SECONDS_PER_QUERY = 0.3


def load_graph(out, name):
    return read_weighted_graph(out, name)


def load_resets(out, name, n):
    resets = []
    with open(os.path.join(out, name + ".queries")) as f:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            reset = [0.0] * n
            for k in range(0, len(parts), 2):
                reset[int(parts[k])] += float(parts[k + 1])
            resets.append(reset)
    return resets


def igraph_ppr(g, reset):
    # HippoRAG's exact call
    return g.personalized_pagerank(vertices=None, directed=False, damping=0.5, reset=reset,
                                   weights="weight", implementation="prpack")


def java_results(out, name, n, queries):
    scores = array.array("d")
    with open(os.path.join(out, name + ".java.scores"), "rb") as f:
        scores.frombytes(f.read())
    if sys.byteorder != "little":
        scores.byteswap()
    assert len(scores) == n * queries, (len(scores), n, queries)
    rows = {}
    with open(os.path.join(out, name + ".java.tsv")) as f:
        next(f)
        for line in f:
            threads, ms, iterations, build_ms, graph_mb = line.split()
            rows[int(threads)] = (float(ms), int(iterations), float(build_ms), float(graph_mb))
    return scores, rows


def main():
    out, names = sys.argv[1], sys.argv[2:]
    print("igraph %s (PRPACK), damping 0.5, Java tolerance 1e-8 (L1)" % ig.__version__, flush=True)
    table = []
    for name in names:
        t0 = time.perf_counter()
        g, n, m = load_graph(out, name)
        load_s = time.perf_counter() - t0
        resets = load_resets(out, name, n)
        java_scores, java = java_results(out, name, n, len(resets))
        per_query, l1s, sums = [], [], []
        for q, reset in enumerate(resets):
            reps, start = 0, time.perf_counter()
            while True:
                scores = igraph_ppr(g, reset)
                reps += 1
                elapsed = time.perf_counter() - start
                if elapsed >= MIN_SECONDS_PER_QUERY or reps >= 200:
                    break
            per_query.append(elapsed / reps * 1000)
            base = q * n
            l1s.append(sum(abs(scores[i] - java_scores[base + i]) for i in range(n)))
            sums.append(sum(scores))
        ig_ms = statistics.mean(per_query)
        print("igraph %s: %.2f ms/query over %d queries, max L1 to Java %.2e (graph loaded in %.1f s)"
              % (name, ig_ms, len(resets), max(l1s), load_s), flush=True)
        table.append((name, n, m, java[1][0], java[2][0], ig_ms, max(l1s), java[1][1], java[1][3]))
        del g, scores, java_scores
        gc.collect()

    header = ("graph", "nodes", "edges", "java 1t ms", "java 2t ms", "igraph ms", "speedup 1t", "speedup 2t",
              "max L1", "iters", "CSR MB")
    print()
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for name, n, m, j1, j2, ig_ms, l1, iters, mb in table:
        print("| %s | %d | %d | %.3f | %.3f | %.3f | %.1fx | %.1fx | %.1e | %d | %.0f |"
              % (name, n, m, j1, j2, ig_ms, ig_ms / j1, ig_ms / j2, l1, iters, mb))
    worst = max(row[6] for row in table)
    print("\nmax L1 distance over all graphs and queries: %.2e (%s 1e-6)" % (worst, "<=" if worst <= 1e-6 else ">"))
    return 0 if worst <= 1e-6 else 1


if __name__ == "__main__":
    sys.exit(main())
