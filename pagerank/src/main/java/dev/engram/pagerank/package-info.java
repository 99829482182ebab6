/**
 * In-memory graph algorithms for retrieval: {@link dev.engram.pagerank.CsrGraph} (immutable compressed sparse row
 * graph), {@link dev.engram.pagerank.PersonalizedPageRank} (exact, igraph/PRPACK conventions),
 * {@link dev.engram.pagerank.ForwardPushPpr} (approximate, local), {@link dev.engram.pagerank.ShortestPaths}
 * (fewest-hop paths for explanations) and {@link dev.engram.pagerank.TopK}. Pure Java, no dependencies; hot loops
 * run over primitive arrays and reuse per-caller workspaces.
 */
package dev.engram.pagerank;
