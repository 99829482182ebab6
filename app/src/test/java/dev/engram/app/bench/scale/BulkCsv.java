package dev.engram.app.bench.scale;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the graph {@link ScaleLoader} would write, for the same corpus, as CSV files for Neo4j's bulk importer
 * ({@code neo4j-admin database import full}, run from the embedded jars by {@code bench/scale/run.sh import}): the
 * same labels, properties and relationship types, facts merged per (subject, predicate, object) with their chunk
 * ids, and SYNONYM edges for the generator's surface-variant pairs whose embeddings are at least 0.8 similar (the
 * writer finds them through the vector index instead; chance pairs above 0.8 are left out here).
 */
record BulkCsv(SyntheticCorpus corpus, HashedEmbedder embedder) {
    /** Writes documents {@code [0, documents)} into {@code dir}. */
    void write(Path dir, int documents) throws IOException {
        Files.createDirectories(dir);
        int chunks = Math.min(corpus.chunkCount(), documents * SyntheticCorpus.CHUNKS_PER_DOCUMENT);
        int entities = corpus.entityCount();
        int[] chunkCount = new int[entities];
        int predicates = SyntheticCorpus.PREDICATES.length;
        // fact key (subject, predicate, object) -> supporting chunk indexes
        Map<Long, int[]> facts = new HashMap<>();
        long start = System.nanoTime();
        try (BufferedWriter docs = out(dir, "documents.csv", "id:ID(Document),title,source,sha256");
             BufferedWriter chunkFile = out(dir, "chunks.csv",
                     "id:ID(Chunk),documentId,index:int,text,tokenCount:int,start:int,end:int,embedding:float[]");
             BufferedWriter partOf = out(dir, "part_of.csv", ":START_ID(Chunk),:END_ID(Document)");
             BufferedWriter next = out(dir, "next.csv", ":START_ID(Chunk),:END_ID(Chunk)");
             BufferedWriter first = out(dir, "first.csv", ":START_ID(Document),:END_ID(Chunk)");
             BufferedWriter mentions = out(dir, "mentions.csv", ":START_ID(Chunk),:END_ID(Entity)")) {
            for (int doc = 0; doc < documents; doc++) {
                String docId = "doc-" + doc;
                int firstChunk = doc * SyntheticCorpus.CHUNKS_PER_DOCUMENT;
                int lastChunk = Math.min(chunks, firstChunk + SyntheticCorpus.CHUNKS_PER_DOCUMENT);
                StringBuilder all = new StringBuilder();
                for (int i = firstChunk; i < lastChunk; i++) {
                    SyntheticCorpus.Chunk c = corpus.chunk(i);
                    String chunkId = docId + "#" + (i - firstChunk);
                    int offset = all.length();
                    all.append(c.text()).append('\n');
                    chunkFile.write(csv(chunkId) + "," + csv(docId) + "," + (i - firstChunk) + "," + csv(c.text()) + ","
                            + c.text().length() / 5 + "," + offset + "," + (offset + c.text().length()) + ","
                            + vector(embedder.embed(c.text())) + "\n");
                    partOf.write(csv(chunkId) + "," + csv(docId) + "\n");
                    if (i > firstChunk) {
                        next.write(csv(docId + "#" + (i - firstChunk - 1)) + "," + csv(chunkId) + "\n");
                    } else {
                        first.write(csv(docId) + "," + csv(chunkId) + "\n");
                    }
                    for (int e : c.mentioned()) {
                        mentions.write(csv(chunkId) + "," + csv(ScaleLoader.entityId(corpus, e)) + "\n");
                        chunkCount[e]++;
                    }
                    for (int f = 0; f < c.subjects().length; f++) {
                        long key = ((long) c.subjects()[f] * predicates + c.predicates()[f]) * entities + c.objects()[f];
                        int[] old = facts.get(key);
                        int[] grown = old == null ? new int[1] : java.util.Arrays.copyOf(old, old.length + 1);
                        grown[grown.length - 1] = i;
                        facts.put(key, grown);
                    }
                }
                docs.write(csv(docId) + "," + csv("Synthetic document " + doc) + "," + csv("synthetic:" + doc) + ","
                        + Integer.toHexString(all.toString().hashCode()) + "\n");
                if ((doc + 1) % 10_000 == 0) {
                    System.err.printf(Locale.ROOT, "csv: %,d / %,d documents, %.0f s%n", doc + 1, documents,
                            (System.nanoTime() - start) / 1e9);
                }
            }
        }
        try (BufferedWriter entityFile = out(dir, "entities.csv", "id:ID(Entity),name,chunkCount:int,embedding:float[]");
             BufferedWriter synonyms = out(dir, "synonyms.csv", ":START_ID(Entity),:END_ID(Entity),score:double")) {
            for (int e = 0; e < entities; e++) {
                if (chunkCount[e] == 0) {
                    continue;
                }
                float[] v = embedder.embed(corpus.entityName(e));
                entityFile.write(csv(ScaleLoader.entityId(corpus, e)) + "," + csv(corpus.entityName(e)) + ","
                        + chunkCount[e] + "," + vector(v) + "\n");
                int base = e - 9;
                if (e % 10 == 9 && e > 9 && chunkCount[base] > 0) {
                    double cos = cosine(v, embedder.embed(corpus.entityName(base)));
                    if (cos >= 0.8) {
                        synonyms.write(csv(ScaleLoader.entityId(corpus, e)) + "," + csv(ScaleLoader.entityId(corpus, base))
                                + "," + cos + "\n");
                    }
                }
            }
        }
        try (BufferedWriter relations = out(dir, "relations.csv",
                ":START_ID(Entity),:END_ID(Entity),predicate,chunkIds:string[],weight:long,embedding:float[]")) {
            for (Map.Entry<Long, int[]> fact : facts.entrySet()) {
                long key = fact.getKey();
                int o = (int) (key % entities);
                int p = (int) ((key / entities) % predicates);
                int s = (int) (key / entities / predicates);
                List<String> ids = new ArrayList<>();
                for (int chunk : fact.getValue()) {
                    String id = "doc-" + chunk / SyntheticCorpus.CHUNKS_PER_DOCUMENT + "#"
                            + chunk % SyntheticCorpus.CHUNKS_PER_DOCUMENT;
                    if (!ids.contains(id)) {
                        ids.add(id);
                    }
                }
                String text = "(" + corpus.entityName(s) + ", " + SyntheticCorpus.predicate(p) + ", "
                        + corpus.entityName(o) + ")";
                relations.write(csv(ScaleLoader.entityId(corpus, s)) + "," + csv(ScaleLoader.entityId(corpus, o)) + ","
                        + csv(SyntheticCorpus.predicate(p)) + "," + csv(String.join(";", ids)) + "," + ids.size() + ","
                        + vector(embedder.embed(text)) + "\n");
            }
        }
        System.err.printf(Locale.ROOT, "csv: %,d documents, %,d facts written in %.0f s%n", documents, facts.size(),
                (System.nanoTime() - start) / 1e9);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    private static BufferedWriter out(Path dir, String name, String header) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(dir.resolve(name), java.nio.charset.StandardCharsets.UTF_8);
        w.write(header + "\n");
        return w;
    }

    private static String vector(float[] v) {
        StringBuilder sb = new StringBuilder(v.length * 10);
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(';');
            }
            sb.append(v[i]);
        }
        return sb.toString();
    }

    private static String csv(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
