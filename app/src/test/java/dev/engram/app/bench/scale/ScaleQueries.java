package dev.engram.app.bench.scale;

import java.nio.file.Path;
import java.util.Map;

final class ScaleQueries {
    private ScaleQueries() {
    }

    static void run(SyntheticCorpus corpus, HashedEmbedder embedder, Path dir, Map<String, String> opts) {
        throw new UnsupportedOperationException("not yet");
    }
}
