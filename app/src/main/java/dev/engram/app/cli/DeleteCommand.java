package dev.engram.app.cli;

import dev.engram.store.delete.DocumentDeleter;
import dev.engram.store.neo4j.GraphStore;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code engram delete}: remove documents and whatever only they supported. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete documents with their chunks, their provenance on relations, and entities and "
                + "relations nothing else supports.")
final class DeleteCommand extends ConfiguredCommand {

    @Parameters(paramLabel = "<documentId>", arity = "1..*", description = "Ids of the documents to delete.")
    List<String> ids;

    @Override
    public Integer call() {
        int missing = 0;
        try (GraphStore graph = openStore()) {
            DocumentDeleter deleter = new DocumentDeleter(graph);
            for (String id : ids) {
                if (deleter.delete(id)) {
                    System.out.println("deleted " + id);
                } else {
                    System.err.println("no document with id '" + id + "'");
                    missing++;
                }
            }
        }
        return missing == 0 ? 0 : 1;
    }
}
