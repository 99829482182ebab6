package dev.engram.extraction.embedding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Throughput of short texts (entity names) at batch 1 and at a token-capped batch of 64, the case the knowledge
 * writer hits. Run: {@code java -cp <extraction test classpath> dev.engram.extraction.embedding.ShortTextThroughput <corpus.jsonl>}.
 */
public final class ShortTextThroughput {
    private ShortTextThroughput() {}

    public static void main(String[] args) throws Exception {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            int i = line.indexOf("\"title\": \"");
            if (i > 0) {
                names.add(line.substring(i + 10, line.indexOf('"', i + 10)));
            }
        }
        names = names.subList(0, Math.min(1500, names.size()));
        for (int batch : new int[] {1, 64, 1, 64}) {
            try (OnnxBgeEmbedder e = OnnxBgeEmbedder.create(OnnxBgeEmbedder.Config.defaults().withBatchSize(batch))) {
                e.embedPassages(names.subList(0, Math.min(100, names.size())));
                long t = System.nanoTime();
                e.embedPassages(names);
                System.out.printf("batch %d: %.0f names/s%n", batch, names.size() / ((System.nanoTime() - t) / 1e9));
            }
        }
    }
}
