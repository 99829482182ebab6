"""Reads a weighted undirected graph as the Java side of the igraph comparisons writes it: NAME.meta ("n m"),
NAME.edges (one "u v" per line) and NAME.weights (m little-endian float32)."""
import array
import os
import sys

import igraph as ig


def read_weighted_graph(out, name):
    """The graph, its node count and its edge count, with every edge as written (parallel edges kept)."""
    with open(os.path.join(out, name + ".meta")) as f:
        n, m = map(int, f.read().split())
    g = ig.Graph.Read_Edgelist(os.path.join(out, name + ".edges"), directed=False)
    if g.vcount() < n:  # Read_Edgelist stops at the largest id that occurs
        g.add_vertices(n - g.vcount())
    w = array.array("f")
    with open(os.path.join(out, name + ".weights"), "rb") as f:
        w.frombytes(f.read())
    if sys.byteorder != "little":
        w.byteswap()
    g.es["weight"] = w.tolist()
    assert g.ecount() == m == len(w), (g.ecount(), m, len(w))
    return g, n, m
