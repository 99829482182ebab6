package dev.engram.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The synthetic JSONL corpus the ingest tests run on: person i, born in one of {@code towns} Springfields, directed
 * the film Harbour i, which one of {@code studios} studios produced; the towns and studios are the entities documents
 * (and batches) share.
 */
final class PeopleCorpus {
    private PeopleCorpus() {}

    /** Writes {@code documents} documents {@code doc-0, doc-1...} to {@code file}, and returns it. */
    static Path write(Path file, int documents, int towns, int studios) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < documents; i++) {
            sb.append(String.format("{\"id\": \"doc-%d\", \"title\": \"Person %d\", \"text\": \"Person %d was born in "
                    + "Springfield %d. Person %d directed the film Harbour %d. The film Harbour %d was produced by "
                    + "Studio %d.\"}%n", i, i, i, i % towns, i, i, i, i % studios));
        }
        return Files.writeString(file, sb);
    }
}
