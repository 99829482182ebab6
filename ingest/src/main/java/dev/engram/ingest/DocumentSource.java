package dev.engram.ingest;

import dev.engram.extraction.document.DocumentLoader;
import dev.engram.records.document.LoadProblem;
import dev.engram.records.document.SourceDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/** Where an ingest reads documents from: files, a JSONL corpus, an upload. */
public interface DocumentSource {
    /** How many documents {@link #forEach} will offer, or -1 when unknown (progress shows no total then). */
    long estimatedCount();

    /** Offers every readable document in order, and every unreadable one as a problem; never stops at one. */
    void forEach(Consumer<SourceDocument> documents, Consumer<LoadProblem> problems);

    /** Files and directories (recursively, as the loader's include globs allow) read by {@code loader}. */
    static DocumentSource files(DocumentLoader loader, List<Path> paths) {
        return from(() -> loader.countDocuments(paths), (documents, problems) -> loader.forEach(paths, documents, problems));
    }

    /** Documents already in memory (an upload, a test's corpus), offered in list order. */
    static DocumentSource of(List<SourceDocument> documents) {
        return from(documents::size, (each, problems) -> documents.forEach(each));
    }

    /** A source from its two halves: {@link #estimatedCount} and {@link #forEach}. */
    static DocumentSource from(LongSupplier estimatedCount,
                               BiConsumer<Consumer<SourceDocument>, Consumer<LoadProblem>> forEach) {
        return new DocumentSource() {
            @Override
            public long estimatedCount() {
                return estimatedCount.getAsLong();
            }

            @Override
            public void forEach(Consumer<SourceDocument> documents, Consumer<LoadProblem> problems) {
                forEach.accept(documents, problems);
            }
        };
    }
}
