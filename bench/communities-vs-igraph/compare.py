#!/usr/bin/python3
"""igraph side of the community comparison: on each graph written for the Java side, runs
g.community_leiden(objective_function="modularity", weights="weight") (best of 3 seeded runs, n_iterations=10,
the same budget as Engram's defaults), then computes the modularity of both partitions with igraph's own
g.modularity(membership, weights), so both are scored by one formula. Prints one table.

Usage: /usr/bin/python3 compare.py OUT_DIR NAME...   (run.sh calls it; needs Debian's python3-igraph)
"""
import array
import os
import random
import sys
import time

import igraph as ig

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from igraph_input import read_weighted_graph  # noqa: E402


def load(out, name):
    g, n, m = read_weighted_graph(out, name)
    # the Java side sums parallel edges and drops self-loops; do the same here
    g.simplify(multiple=True, loops=True, combine_edges="sum")
    return g, n, m


def main():
    out, names = sys.argv[1], sys.argv[2:]
    rows = []
    worst = 0.0
    for name in names:
        g, n, m = load(out, name)
        with open(os.path.join(out, name + ".engram")) as f:
            engram = [int(line) for line in f]
        with open(os.path.join(out, name + ".engram-time")) as f:
            engram_seconds = float(f.read().split()[0])
        g.community_leiden(objective_function="modularity", weights="weight", n_iterations=2)  # warm-up
        best, best_q, start = None, float("-inf"), time.perf_counter()
        for seed in (1, 2, 3):
            random.seed(seed)
            ig.set_random_number_generator(random)
            p = g.community_leiden(objective_function="modularity", weights="weight", n_iterations=10)
            q = g.modularity(p.membership, weights="weight")
            if q > best_q:
                best, best_q = p, q
        igraph_seconds = time.perf_counter() - start
        engram_q = g.modularity(engram, weights="weight")
        gap = (best_q - engram_q) / abs(best_q) if best_q else 0.0
        worst = max(worst, gap)
        rows.append((name, n, g.ecount(), engram_q, best_q, gap, len(set(engram)), len(best), engram_seconds,
                     igraph_seconds))
    print("| graph | nodes | edges | Q Engram | Q igraph | gap | communities Engram / igraph | Engram s | igraph s | igraph / Engram time |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for (name, n, m, eq, iq, gap, ec, ic, es, its) in rows:
        print(f"| {name} | {n} | {m} | {eq:.5f} | {iq:.5f} | {gap * 100:+.2f}% | {ec} / {ic} | {es:.2f} | {its:.2f} | {its / es:.2f} |")
    print(f"\nworst modularity gap of Engram below igraph: {worst * 100:.2f}% (acceptance: within 1%)")
    sys.exit(0 if worst <= 0.01 else 1)


main()
