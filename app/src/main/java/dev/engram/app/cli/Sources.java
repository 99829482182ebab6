package dev.engram.app.cli;

import dev.engram.extraction.document.DocumentLoader;
import dev.engram.ingest.DocumentSource;
import java.nio.file.Path;
import java.util.List;

/** Document sources for commands. */
final class Sources {
    private Sources() {}

    /** Files and directories (recursively, filtered by include globs). */
    static DocumentSource files(List<Path> paths, List<String> includeGlobs) {
        return DocumentSource.files(new DocumentLoader(includeGlobs), paths);
    }
}
