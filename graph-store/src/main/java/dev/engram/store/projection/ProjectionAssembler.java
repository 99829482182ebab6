package dev.engram.store.projection;

import dev.engram.pagerank.CsrGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;

/**
 * Puts the rows of a projection (nodes already numbered, edges by node) into its canonical form: relations ordered
 * by endpoint pair, subject and predicate, synonyms by pair and first entity, then the graph with relations first,
 * synonyms next and mentions last. A full read and a delta refresh both end here, which is what makes them agree.
 * Sorting is by stable counting passes (least significant key first), linear in rows plus nodes.
 */
final class ProjectionAssembler {
    private final int nodeCount;
    final Ints relS = new Ints();
    final Ints relO = new Ints();
    final ArrayList<String> relP = new ArrayList<>();
    final Floats relW = new Floats();
    final Ints provStart = new Ints();
    final Ints provChunks = new Ints();
    final Ints synA = new Ints();
    final Ints synB = new Ints();
    final Floats synW = new Floats();
    final Ints menC = new Ints();
    final Ints menE = new Ints();
    final Floats menW = new Floats();

    ProjectionAssembler(int nodeCount) {
        this.nodeCount = nodeCount;
        provStart.add(0);
    }

    /** Adds a relation; {@code chunks} are its provenance chunk nodes, in stored order. */
    void relation(int s, int o, String predicate, float weight, int[] chunks, int chunkCount) {
        relS.add(s);
        relO.add(o);
        relP.add(predicate);
        relW.add(weight);
        for (int i = 0; i < chunkCount; i++) {
            provChunks.add(chunks[i]);
        }
        provStart.add(provChunks.size);
    }

    void synonym(int a, int b, float weight) {
        synA.add(a);
        synB.add(b);
        synW.add(weight);
    }

    void mention(int chunk, int entity, float weight) {
        menC.add(chunk);
        menE.add(entity);
        menW.add(weight);
    }

    GraphProjection assemble(String[] nodeIds, String[] names, int[] chunkCounts, int entityCount, String[] docs,
                             String[] tenants, List<String>[] acls, ProjectionStamp stamp) {
        int relations = relS.size;
        // predicate ranks, so the last tie-break is a counting pass too
        Map<String, Integer> rank = new HashMap<>();
        for (String p : new HashSet<>(relP).stream().sorted().toList()) {
            rank.put(p, rank.size());
        }
        int[] predicateRank = new int[relations];
        for (int r = 0; r < relations; r++) {
            predicateRank[r] = rank.get(relP.get(r));
        }
        int[] order = identity(relations);
        order = countingSort(order, predicateRank, rank.size());
        order = countingSort(order, relS.a, nodeCount);
        order = countingSort(order, maxOf(relS.a, relO.a, relations), nodeCount);
        order = countingSort(order, minOf(relS.a, relO.a, relations), nodeCount);

        int[] subjects = new int[relations];
        int[] objects = new int[relations];
        String[] predicates = new String[relations];
        float[] weights = new float[relations];
        int[] start = new int[relations + 1];
        int[] chunks = new int[provChunks.size];
        for (int i = 0, k = 0; i < relations; i++) {
            int r = order[i];
            subjects[i] = relS.a[r];
            objects[i] = relO.a[r];
            predicates[i] = relP.get(r);
            weights[i] = relW.a[r];
            int from = provStart.a[r];
            int to = provStart.a[r + 1];
            System.arraycopy(provChunks.a, from, chunks, k, to - from);
            k += to - from;
            start[i + 1] = k;
        }

        int synonyms = synA.size;
        int[] sOrder = countingSort(identity(synonyms), synA.a, nodeCount);
        sOrder = countingSort(sOrder, maxOf(synA.a, synB.a, synonyms), nodeCount);
        sOrder = countingSort(sOrder, minOf(synA.a, synB.a, synonyms), nodeCount);
        int[] synFrom = new int[synonyms];
        int[] synTo = new int[synonyms];
        float[] synWeights = new float[synonyms];
        for (int i = 0; i < synonyms; i++) {
            synFrom[i] = synA.a[sOrder[i]];
            synTo[i] = synB.a[sOrder[i]];
            synWeights[i] = synW.a[sOrder[i]];
        }

        CsrGraph.Builder builder = CsrGraph.builder(nodeCount);
        for (int r = 0; r < relations; r++) {
            builder.addEdge(subjects[r], objects[r], weights[r]);
        }
        for (int s = 0; s < synonyms; s++) {
            builder.addEdge(synFrom[s], synTo[s], synWeights[s]);
        }
        for (int m = 0; m < menC.size; m++) {
            builder.addEdge(menC.a[m], menE.a[m], menW.a[m]);
        }
        CsrGraph graph = builder.buildCompact(true);
        int mentions = 0;
        for (int c = entityCount; c < nodeCount; c++) {
            mentions += graph.outDegree(c);
        }
        return new GraphProjection(nodeIds, names, chunkCounts, entityCount, docs, tenants, acls, subjects, objects,
                predicates, weights, start, chunks, synFrom, synTo, synWeights, graph, mentions, stamp);
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    private static int[] minOf(int[] a, int[] b, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.min(a[i], b[i]);
        }
        return out;
    }

    private static int[] maxOf(int[] a, int[] b, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.max(a[i], b[i]);
        }
        return out;
    }

    /** Stable counting sort of {@code order} by {@code key[order[i]]} in {@code [0, keys)}. */
    private static int[] countingSort(int[] order, int[] key, int keys) {
        int[] count = new int[keys + 1];
        for (int r : order) {
            count[key[r] + 1]++;
        }
        for (int k = 0; k < keys; k++) {
            count[k + 1] += count[k];
        }
        int[] out = new int[order.length];
        for (int r : order) {
            out[count[key[r]]++] = r;
        }
        return out;
    }

    /** A growable int column. */
    static final class Ints {
        int[] a = new int[1024];
        int size;

        void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }
    }

    /** A growable float column. */
    static final class Floats {
        float[] a = new float[1024];
        int size;

        void add(float v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }
    }
}
