package dev.engram.app.cli;

import dev.engram.extraction.document.DocumentLoader;
import dev.engram.extraction.document.LoadProblem;
import dev.engram.extraction.document.SourceDocument;
import dev.engram.store.ingest.DocumentSource;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Document sources for commands. */
final class Sources {
    private Sources() {}

    /** Files and directories (recursively, filtered by include globs) read by the {@link DocumentLoader}. */
    static DocumentSource files(List<Path> paths, List<String> includeGlobs) {
        DocumentLoader loader = new DocumentLoader(includeGlobs);
        return new DocumentSource() {
            @Override
            public long estimatedCount() {
                return loader.countDocuments(paths);
            }

            @Override
            public void forEach(Consumer<SourceDocument> documents, Consumer<LoadProblem> problems) {
                loader.forEach(paths, documents, problems);
            }
        };
    }
}
